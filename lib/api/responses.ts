import type { UIMessageChunk } from "ai";
import { NextResponse } from "next/server";
import { UI_MESSAGE_STREAM_HEADERS, uiMessageSseStream } from "./sse-stream";

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
// token cost a tenth of the server's CPU and saved little (each flush is a few bytes). Lower case, so it replaces the
// protocol's `cache-control` (header names are case-insensitive: a second spelling would add a second value).
const STREAM_HEADERS = { ...UI_MESSAGE_STREAM_HEADERS, "cache-control": "private, no-store, no-transform" };

/** A UI message stream (server-sent events) as `useChat` reads it: the AI SDK's bytes, encoded in one stream. */
export function chatStreamResponse(stream: ReadableStream<UIMessageChunk>): Response {
  return new Response(uiMessageSseStream(stream, KEEP_ALIVE_MS), { headers: STREAM_HEADERS });
}
