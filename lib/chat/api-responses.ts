import { createUIMessageStreamResponse, type UIMessageChunk } from "ai";
import { NextResponse } from "next/server";
import { unexpectedErrorResponse } from "@/lib/api/unexpected-error";
import type { ChatApiError } from "./types";

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

/** Nothing to resume. */
export function noContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}

/** An unexpected failure: logged; 503 "temporarily unavailable" when the database is down, else a JSON 500. */
export function internalError(route: string, error: unknown): Response {
  return unexpectedErrorResponse(route, error);
}
