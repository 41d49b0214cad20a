// Data parts the chat server adds to the UI message stream, next to the contract in ./types.ts. Safe for the browser.

/**
 * `{ type: "data-retry", id: "retry", data: ChatRetryData }`: the backend refused before the first token and the
 * answer is being asked again (an overloaded backend after a backoff, or a prompt trimmed to fit the model). Kept in
 * the live message's parts (the same id replaces it), never stored: the "thinking" line says it while it waits.
 */
export interface ChatRetryData {
  reason: "overloaded" | "context_too_long";
  attempt: number;
  delayMs: number;
}

export const RETRY_DATA_PART = "data-retry";

/** What the "thinking" line says while an answer is asked again, or null when it is not. */
export function retryText(data: ChatRetryData | null): string | null {
  if (!data) return null;
  if (data.reason === "context_too_long") return "The conversation is too long for the model: sending a shorter part of it…";
  return `The model is busy: retrying (${data.attempt})…`;
}
