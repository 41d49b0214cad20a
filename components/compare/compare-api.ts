import { chatErrorText } from "@/components/chat/chat-error-text";
import type { CompareResponse } from "@/lib/chat/compare-input";

export type ApiResult<T> = { ok: true; value: T } | { ok: false; message: string };

async function post<T>(url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) return { ok: false, message: chatErrorText(new Error(text)) };
    return { ok: true, value: JSON.parse(text) as T };
  } catch (error) {
    return { ok: false, message: chatErrorText(error instanceof Error ? error : null) };
  }
}

const chatPath = (conversationId: string) => `/api/chat/${encodeURIComponent(conversationId)}`;

export function startCompare(input: { conversationId: string; prompt: string; modelIds: string[] }) {
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
