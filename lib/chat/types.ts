import type { UIMessage } from "ai";
import { z } from "zod";

// The contract between the chat server (lib/chat, app/(chat)/api) and the chat UI (components/chat). Everything
// here is safe to send to the browser: no endpoint, no key, no system prompt of an admin.

export type MessageStatus = "complete" | "streaming" | "stopped" | "interrupted" | "error";

export interface MessageUsage {
  inputTokens: number;
  outputTokens: number;
  /** True when the backend reported no counts and they were estimated from the text. */
  estimated: boolean;
}

/** Metadata of every message the UI shows (UIMessage.metadata). */
export interface ChatMessageMetadata {
  createdAt: string;
  /** Assistant messages: the model that wrote it. */
  modelId?: string | null;
  status?: MessageStatus;
  /** A message safe to show the user when status is "error" (never an upstream body). */
  error?: string | null;
  /** The answer was cut by a content policy (shown as a policy block, not an error). */
  policyBlock?: { categories: string[] } | null;
  usage?: MessageUsage | null;
  /** Milliseconds from the request to the first token, and to the end. */
  timings?: { firstTokenMs?: number; totalMs?: number } | null;
  /** Assistant messages: the user's rating, thumbs up (1) or down (-1). */
  feedback?: 1 | -1 | null;
}

export type ChatUIMessage = UIMessage<ChatMessageMetadata>;

/** A model as the browser sees it. */
export interface ModelOption {
  id: string;
  name: string;
  provider: string;
  isDefault: boolean;
  /** False for backends that answer whole (AI21 J2): the UI shows the answer at once, with no token drip. */
  streaming: boolean;
  /** A clearly labelled demo model served by a local fake backend. */
  demo: boolean;
}

export interface ConversationSummary {
  id: string;
  title: string;
  modelId: string | null;
  pinned: boolean;
  updatedAt: string;
}

/** POST /api/chat: one new user message in a conversation (created on the first message, id chosen by the client). */
export const sendMessageSchema = z
  .object({
    conversationId: z.uuid(),
    modelId: z.string().min(1).max(100),
    message: z.object({ id: z.uuid(), text: z.string().trim().min(1, "Type a message first.").max(100_000) }).strict(),
  })
  .strict();

export type SendMessageInput = z.infer<typeof sendMessageSchema>;

/** The JSON body of every error answer of the chat API (4xx/5xx before any streaming starts). */
export interface ChatApiError {
  error: { code: string; message: string; retryAfterMs?: number };
}
