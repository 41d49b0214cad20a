import type { UIMessageChunk } from "ai";
import type { ChatMessageMetadata } from "@/lib/chat/types";

// An answer of a blind battle as the browser may see it before the vote: text and how it ended, nothing that could
// name the model. The generation's chunks carry the model id, the message id (which opens the conversation),
// usage (an estimated flag tells a backend apart), timings and provider ids of the text parts; all are dropped or
// replaced. Chunk types not listed here (data parts, sources, tools, files) are dropped.

const TEXT_ID = "answer";

/** Only what tells the reader how the answer stands; a policy block keeps no categories (they differ by provider). */
function blindMetadata(metadata: unknown): ChatMessageMetadata | undefined {
  if (typeof metadata !== "object" || metadata === null) return undefined;
  const { createdAt, status, error, lengthLimit, policyBlock } = metadata as ChatMessageMetadata;
  return {
    createdAt: typeof createdAt === "string" ? createdAt : new Date(0).toISOString(),
    ...(status ? { status } : {}),
    ...(error ? { error } : {}),
    ...(lengthLimit ? { lengthLimit } : {}),
    ...(policyBlock ? { policyBlock: { categories: [] } } : {}),
  };
}

export function blindChunk(chunk: UIMessageChunk): UIMessageChunk | null {
  switch (chunk.type) {
    case "start":
      return { type: "start", messageMetadata: blindMetadata(chunk.messageMetadata) };
    case "text-start":
    case "text-end":
      return { type: chunk.type, id: TEXT_ID };
    case "text-delta":
      return { type: "text-delta", id: TEXT_ID, delta: chunk.delta };
    case "error":
      return { type: "error", errorText: chunk.errorText };
    case "message-metadata": {
      const messageMetadata = blindMetadata(chunk.messageMetadata);
      return messageMetadata ? { type: "message-metadata", messageMetadata } : null;
    }
    case "finish":
      return { type: "finish", finishReason: chunk.finishReason, messageMetadata: blindMetadata(chunk.messageMetadata) };
    case "start-step":
    case "finish-step":
    case "abort":
      return { type: chunk.type };
    default:
      return null;
  }
}

/** The stream with every chunk passed through blindChunk. */
export function blindStream(stream: ReadableStream<UIMessageChunk>): ReadableStream<UIMessageChunk> {
  return stream.pipeThrough(
    new TransformStream<UIMessageChunk, UIMessageChunk>({
      transform(chunk, controller) {
        const blind = blindChunk(chunk);
        if (blind) controller.enqueue(blind);
      },
    }),
  );
}
