import { readUIMessageStream, type UIMessageChunk } from "ai";
import type { ChatUIMessage } from "@/lib/chat/types";

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

/** The message the browser builds from a chat answer's chunks, read the way the AI SDK's client reads them. */
export async function uiMessageOf(chunks: UIMessageChunk[]): Promise<ChatUIMessage> {
  let last: ChatUIMessage | undefined;
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  for await (const message of readUIMessageStream<ChatUIMessage>({ stream })) last = message;
  if (!last) throw new Error("no message in the stream");
  return last;
}
