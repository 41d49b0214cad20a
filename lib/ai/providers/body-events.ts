import type { BackendResponse } from "../backend-transport";
import type { CallWatchdog } from "./call-watchdog";
import { readBody } from "./http";
import { NdjsonSplitter } from "./ndjson-splitter";
import { type SseEvent, SseParser } from "./sse-parser";

/** SSE events of a response body; stopping the iteration early closes the upstream request. */
export function readSseEvents(response: BackendResponse, watchdog: CallWatchdog, provider: string): AsyncGenerator<SseEvent> {
  return readBody(response, watchdog, provider, new SseParser());
}

/** NDJSON lines of a response body; stopping the iteration early closes the upstream request. */
export function readNdjsonLines(response: BackendResponse, watchdog: CallWatchdog, provider: string): AsyncGenerator<string> {
  return readBody(response, watchdog, provider, new NdjsonSplitter());
}
