import type { UIMessageChunk } from "ai";

// Reading an event stream's whole text in tests: the chat's AI SDK UI message stream and the /v1 OpenAI-style one.

/** The data of each event, in order ("[DONE]" included). */
export function sseData(text: string): string[] {
  return text
    .split("\n\n")
    .map((event) => event.trim())
    .filter((event) => event.startsWith("data: "))
    .map((event) => event.slice("data: ".length));
}

/** The UI message chunks of a chat answer's stream. */
export function parseSse(text: string): UIMessageChunk[] {
  return sseData(text)
    .filter((data) => data !== "[DONE]")
    .map((data) => JSON.parse(data) as UIMessageChunk);
}

/** The text the client saw stream in: the text-delta chunks joined. */
export function streamedText(chunks: UIMessageChunk[]): string {
  return chunks.map((chunk) => (chunk.type === "text-delta" ? chunk.delta : "")).join("");
}
