import { chatErrorText } from "@/components/chat/chat-error-text";
import { type ApiResult, apiFetch } from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";
import type { CompareRequest, CompareResponse } from "@/lib/chat/compare-input";

async function post<T>(url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await apiFetch<T>(url, { method: "POST", body }) };
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError("internal", chatErrorText(null));
    return { ok: false, error: apiError, message: chatErrorText(apiError) };
  }
}

const chatPath = (conversationId: string) => `/api/chat/${encodeURIComponent(conversationId)}`;

/** `privacyAcknowledged`: "Send anyway" after the server asked to confirm these findings (409 privacy_confirm). */
export function startCompare(input: CompareRequest) {
  return post<CompareResponse>("/api/compare", input);
}

/** Stops one answer, or every answer of the conversation without `messageId`. */
export function stopAnswers(conversationId: string, messageId?: string) {
  const query = messageId ? `?messageId=${encodeURIComponent(messageId)}` : "";
  return post<{ stopped: boolean }>(`${chatPath(conversationId)}/stop${query}`);
}

export function chooseAnswer(conversationId: string, messageId: string) {
  return post<{ conversationId: string; activeMessageId: string }>(`/api/compare/${encodeURIComponent(conversationId)}/choose`, { messageId });
}
