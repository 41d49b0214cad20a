import type { BackendResponse } from "../backend-transport";
import type { CallWatchdog } from "./call-watchdog";
import { readBodyText } from "./http";
import { NdjsonSplitter } from "./ndjson-splitter";
import { type SseEvent, SseParser } from "./sse-parser";

/** SSE events of a response body; stopping the iteration early closes the upstream request. */
export async function* readSseEvents(response: BackendResponse, watchdog: CallWatchdog, provider: string): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
  for await (const text of readBodyText(response, watchdog, provider)) yield* parser.push(text);
  yield* parser.end();
}

/** NDJSON lines of a response body; stopping the iteration early closes the upstream request. */
export async function* readNdjsonLines(response: BackendResponse, watchdog: CallWatchdog, provider: string): AsyncGenerator<string> {
  const splitter = new NdjsonSplitter();
  for await (const text of readBodyText(response, watchdog, provider)) yield* splitter.push(text);
  yield* splitter.end();
}
