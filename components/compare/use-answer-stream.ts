"use client";

import { parseJsonEventStream, readUIMessageStream, type UIMessageChunk, uiMessageChunkSchema } from "ai";
import { useEffect, useState } from "react";
import { chatErrorText } from "@/components/chat/chat-error-text";
import { messageText } from "@/components/chat/message-text";
import { apiResponse } from "@/lib/api/client";
import type { ChatUIMessage } from "@/lib/chat/types";

export type AnswerPhase = "waiting" | "writing" | "done" | "elsewhere" | "failed";

export interface AnswerStreamState {
  message: ChatUIMessage | null;
  phase: AnswerPhase;
  /** Measured in this browser from the click on Compare, until the server's own figure arrives with the end. */
  firstTokenAt: number | null;
  endedAt: number | null;
  /** The connection failed (the answer itself may still be written on the server). */
  connectionError: string | null;
}

const INITIAL: AnswerStreamState = { message: null, phase: "waiting", firstTokenAt: null, endedAt: null, connectionError: null };

/** The chunks of a UI message stream response; a malformed event fails the stream. */
function chunksOf(body: ReadableStream<Uint8Array>): ReadableStream<UIMessageChunk> {
  return parseJsonEventStream({ stream: body, schema: uiMessageChunkSchema }).pipeThrough(
    new TransformStream({
      transform(part, controller) {
        if (!part.success) throw part.error;
        controller.enqueue(part.value as UIMessageChunk);
      },
    }),
  );
}

/** Where one answer of a Compare run is followed. */
export const compareAnswerUrl = (conversationId: string, messageId: string) =>
  `/api/chat/${encodeURIComponent(conversationId)}/stream?messageId=${encodeURIComponent(messageId)}`;

/**
 * Follows one answer (a Compare run's, compareAnswerUrl; or a blind battle's): the message as it grows, and when its
 * first text and its end arrived. An answer that already ended is replayed whole by the server.
 */
export function useAnswerStream(url: string): AnswerStreamState {
  const [state, setState] = useState<AnswerStreamState>(INITIAL);

  useEffect(() => {
    const controller = new AbortController();
    const update = (changes: Partial<AnswerStreamState>) => setState((current) => ({ ...current, ...changes }));
    setState(INITIAL);

    const follow = async () => {
      const response = await apiResponse(url, { signal: controller.signal });
      if (response.status === 204) return update({ phase: "elsewhere" });
      if (!response.body) throw new Error("The answer could not be read. Please try again.");
      let firstTokenAt: number | null = null;
      const stream = readUIMessageStream<ChatUIMessage>({ stream: chunksOf(response.body) });
      for await (const message of stream) {
        if (firstTokenAt === null && messageText(message) !== "") firstTokenAt = performance.now();
        update({ message, firstTokenAt, phase: message.metadata?.status && message.metadata.status !== "streaming" ? "done" : "writing" });
      }
      update({ phase: "done", endedAt: performance.now() });
    };
    follow().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      update({ phase: "failed", connectionError: chatErrorText(error instanceof Error ? error : null), endedAt: performance.now() });
    });
    return () => controller.abort();
  }, [url]);

  return state;
}
