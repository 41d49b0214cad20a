import { createUIMessageStreamResponse, type UIMessageChunk } from "ai";
import { NextResponse } from "next/server";
import { apiError } from "@/lib/api/responses";
import { countAdmissionRefusal } from "@/lib/server/metrics";
import type { ChatApiError } from "./types";
import { errorFields, log } from "@/lib/server/log";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** The chat API's error answer before any streaming: { error: { code, message, retryAfterMs? } }, never cached. */
export function chatApiError(status: number, code: string, message: string, retryAfterMs?: number, resetsAt?: Date): NextResponse<ChatApiError> {
  const body: ChatApiError = { error: retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs } };
  if (resetsAt) body.error.resetsAt = resetsAt.toISOString();
  const headers: Record<string, string> = { ...NO_STORE };
  if (retryAfterMs !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  return NextResponse.json(body, { status, headers });
}

// A backend may think for a minute before its first token; comments keep proxies from closing the idle connection.
const KEEP_ALIVE_MS = 15_000;

/** A UI message stream (server-sent events) as `useChat` reads it. */
export function chatStreamResponse(stream: ReadableStream<UIMessageChunk>): Response {
  return createUIMessageStreamResponse({ stream, headers: NO_STORE, keepAliveMs: KEEP_ALIVE_MS });
}

/** The instance is shutting down (SIGTERM): no new answer starts here; the retry lands on another instance. */
export function shuttingDown(): NextResponse<ChatApiError> {
  countAdmissionRefusal("shutting_down");
  return chatApiError(503, "shutting_down", "The server is restarting. Send again in a moment.", 2_000);
}

/** Nothing to resume. */
export function noContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}

/** An unexpected failure (database down, a model row that no longer validates): logged, and a JSON 500 for the UI. */
export function internalError(route: string, error: unknown): Response {
  log.error({ area: "chat", route, ...errorFields(error) }, "request failed");
  return apiError("internal", "Something went wrong. Please try again.");
}
