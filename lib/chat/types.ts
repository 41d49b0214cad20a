import type { UIMessage } from "ai";
import { z } from "zod";
import { conversationSettingsInputSchema } from "./generation-settings";

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
  /** The answer was stopped at its length or time cap (status "stopped"), not by the user. */
  lengthLimit?: boolean | null;
  /** The answer failed because the conversation outgrew the model's context: the UI offers to go on in a new chat. */
  tooLong?: boolean | null;
  /** The answer was cut by a content policy (shown as a policy block, not an error). */
  policyBlock?: { categories: string[] } | null;
  usage?: MessageUsage | null;
  /** Milliseconds from the request to the first token, and to the end. */
  timings?: { firstTokenMs?: number; totalMs?: number } | null;
  /** Assistant messages: the user's rating, thumbs up (1) or down (-1). */
  feedback?: 1 | -1 | null;
  /** Where the message stands among its alternatives (regenerated answers, edited versions); absent when alone. */
  siblings?: { index: number; count: number; previousId: string | null; nextId: string | null } | null;
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

/** The id of a stored message as the chat server makes them; the pattern keeps anything else out of queries. */
export const messageIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "The message id is not valid.");

const chatRequestBase = { conversationId: z.uuid(), modelId: z.string().min(1).max(100) };

/**
 * POST /api/chat: one new user message (id chosen by the client; the conversation is created on the first one). It
 * follows the end of the branch on show, or with `parentId` that message instead (edit and resend: the parent of the
 * edited message, null when the first message is edited).
 */
export const sendMessageSchema = z
  .object({
    ...chatRequestBase,
    message: z.object({ id: z.uuid(), text: z.string().trim().min(1, "Type a message first.").max(100_000) }).strict(),
    parentId: messageIdSchema.nullable().optional(),
    /** A brand-new chat's settings (chosen before its first message, or from a preset); ignored for an existing one. */
    settings: conversationSettingsInputSchema.optional(),
  })
  .strict();

/** POST /api/chat with `regenerate`: a new answer to that user message, kept next to the answers it has. */
export const regenerateAnswerSchema = z.object({ ...chatRequestBase, regenerate: z.object({ parentId: messageIdSchema }).strict() }).strict();

export type SendMessageInput = z.infer<typeof sendMessageSchema>;
export type RegenerateAnswerInput = z.infer<typeof regenerateAnswerSchema>;
export type ChatRequest = SendMessageInput | RegenerateAnswerInput;

/** The body of POST /api/chat: a regenerate when it says so, else a new message (each with its own messages). */
export const chatRequestSchema = z.unknown().transform((body, ctx): ChatRequest => {
  const schema = typeof body === "object" && body !== null && "regenerate" in body ? regenerateAnswerSchema : sendMessageSchema;
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
  return z.NEVER;
});

/** PATCH /api/conversations/[id]/branch: show this alternative (and the newest branch under it). */
export const switchBranchSchema = z.object({ messageId: messageIdSchema }).strict();

/** The answer of PATCH /api/conversations/[id]/branch and GET /api/conversations/[id]/messages. */
export interface BranchMessages {
  messages: ChatUIMessage[];
}
