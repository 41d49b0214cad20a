import type { LanguageModelV4CallOptions, LanguageModelV4FinishReason, SharedV4Warning } from "@ai-sdk/provider";
import type { ChatMessage } from "../chat-message";
import type { PolicyBlock } from "../metadata";
import type { CallWatchdog } from "./call-watchdog";
import type { ReportedUsage } from "./usage";

/** What a backend adapter yields while reading its wire format. */
export type BackendEvent =
  | { type: "metadata"; id?: string; modelId?: string; timestamp?: Date }
  | { type: "text"; text: string }
  | { type: "finish"; finishReason: LanguageModelV4FinishReason; usage?: ReportedUsage; policyBlock?: PolicyBlock };

export interface BackendCall {
  url: string;
  body: unknown;
  responseHeaders: Record<string, string>;
  /** Must end with exactly one `finish` event, or throw an LlmError. */
  events: AsyncIterable<BackendEvent>;
}

export interface BackendCallInput {
  options: LanguageModelV4CallOptions;
  messages: ChatMessage[];
  watchdog: CallWatchdog;
  warnings: SharedV4Warning[];
}

/** One backend protocol: turns a call into an HTTP request and its answer into events. */
export interface Backend {
  provider: string;
  modelId: string;
  start(input: BackendCallInput): Promise<BackendCall>;
}

export function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, key) => {
    record[key] = value;
  });
  return record;
}

/** Per-call headers from the AI SDK (`headers` option), without the unset ones. */
export function definedHeaders(headers: Record<string, string | undefined> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) if (value !== undefined) result[key] = value;
  return result;
}
