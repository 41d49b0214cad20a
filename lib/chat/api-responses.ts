import { createUIMessageStreamResponse, type UIMessageChunk } from "ai";
import { NextResponse } from "next/server";
import { apiError } from "@/lib/api/responses";
import type { ChatApiError } from "./types";

const NO_STORE = { "Cache-Control": "private, no-store" };
// `no-transform`: Next's gzip (and a proxy's) leaves the event stream alone. Compressing hundreds of streams token by
// token cost a tenth of the server's CPU and saved little (each flush is a few bytes).
const STREAM_HEADERS = { "Cache-Control": "private, no-store, no-transform" };

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
  return createUIMessageStreamResponse({ stream, headers: STREAM_HEADERS, keepAliveMs: KEEP_ALIVE_MS });
}

/** Nothing to resume. */
export function noContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}

/** An unexpected failure (database down, a model row that no longer validates): logged, and a JSON 500 for the UI. */
export function internalError(route: string, error: unknown): Response {
  console.error(`[chat] ${route} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  return apiError("internal", "Something went wrong. Please try again.");
}
