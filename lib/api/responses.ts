import { createUIMessageStreamResponse, type UIMessageChunk } from "ai";
import { NextResponse } from "next/server";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** A JSON answer, never cached (errors are ApiError's, see errors.ts). */
export function apiJson<T>(body: T, init?: { status?: number }): NextResponse {
  return NextResponse.json(body, { status: init?.status ?? 200, headers: NO_STORE });
}

/** Nothing to answer (e.g. no answer to resume). */
export function noContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}

// A backend may think for a minute before its first token; comments keep proxies from closing the idle connection.
const KEEP_ALIVE_MS = 15_000;

// `no-transform`: Next's gzip (and a proxy's) leaves the event stream alone. Compressing hundreds of streams token by
// token cost a tenth of the server's CPU and saved little (each flush is a few bytes).
const STREAM_HEADERS = { "Cache-Control": "private, no-store, no-transform" };

/** A UI message stream (server-sent events) as `useChat` reads it. */
export function chatStreamResponse(stream: ReadableStream<UIMessageChunk>): Response {
  return createUIMessageStreamResponse({ stream, headers: STREAM_HEADERS, keepAliveMs: KEEP_ALIVE_MS });
}
