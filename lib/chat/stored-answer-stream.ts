import type { UIMessageChunk } from "ai";
import type { MessageRow } from "./stored-message";
import { toChatUIMessages } from "./ui-messages";

/**
 * A finished answer as the UI message stream a live one would have ended as: a Compare column that opens its stream
 * after its answer ended (a fast failure, a backend that answers whole) gets the same chunks, from the database.
 */
export function storedAnswerChunks(row: MessageRow): UIMessageChunk[] {
  const [message] = toChatUIMessages([row]);
  if (!message) return [];
  const metadata = message.metadata;
  const text = message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
  const chunks: UIMessageChunk[] = [{ type: "start", messageId: message.id, messageMetadata: metadata }];
  if (text) {
    const id = `${message.id}-text`;
    chunks.push({ type: "text-start", id }, { type: "text-delta", id, delta: text }, { type: "text-end", id });
  }
  if (metadata?.status === "error" && metadata.error) chunks.push({ type: "error", errorText: metadata.error });
  chunks.push({ type: "finish", finishReason: metadata?.status === "error" ? "error" : "stop", messageMetadata: metadata });
  return chunks;
}

export function streamOf(chunks: readonly UIMessageChunk[]): ReadableStream<UIMessageChunk> {
  return new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}
