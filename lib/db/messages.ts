import "server-only";
import { cleanText } from "@/lib/text/clean-text";
import { getDb } from "./client";

export type StoredMessage = Awaited<ReturnType<typeof listMessages>>[number];

/** What an assistant message's metadata column holds. */
export interface StoredMessageMetadata {
  timings?: { firstTokenMs?: number; totalMs?: number };
  policyBlock?: { categories: string[] };
  /** The answer was cut by its length ("tokens") or time cap (lib/chat/answer-limits.ts). */
  lengthLimit?: "tokens" | "time";
  /** The answer failed because the conversation no longer fits the model, even trimmed: the UI offers a new chat. */
  tooLong?: boolean;
}

// Backend text may hold NUL or lone surrogates, which the databases refuse: cleaned on the way in.
function textParts(text: string) {
  return [{ type: "text", text: cleanText(text) }];
}

/**
 * Every message of the conversation, every branch, oldest first. createdAt is set by the chat server so that an
 * answer always sorts after its question and a new alternative after everything before it.
 */
export async function listMessages(conversationId: string) {
  return getDb().message.findMany({ where: { conversationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/**
 * The parent of a message whose caller named none: before the tree every message followed the one before it, and a
 * caller that does not know about alternatives still gets that. Null (a root) has to be asked for.
 */
async function parentOrNewest(conversationId: string, parentId: string | null | undefined): Promise<string | null> {
  if (parentId !== undefined) return parentId;
  const newest = await getDb().message.findFirst({ where: { conversationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
  return newest?.id ?? null;
}

/** `parentId` undefined: after the conversation's newest message. */
export async function insertUserMessage({
  id,
  conversationId,
  parentId,
  text,
  createdAt,
}: {
  id: string;
  conversationId: string;
  parentId?: string | null;
  text: string;
  createdAt: Date;
}) {
  const parent = await parentOrNewest(conversationId, parentId);
  return getDb().message.create({ data: { id, conversationId, parentId: parent, role: "user", parts: textParts(text), status: "complete", createdAt } });
}

/** `parentId` undefined: after the conversation's newest message. */
export async function createAssistantMessage({
  id,
  conversationId,
  parentId,
  compareRunId = null,
  modelId,
  createdAt,
}: {
  id: string;
  conversationId: string;
  parentId?: string | null;
  compareRunId?: string | null;
  modelId: string;
  createdAt: Date;
}) {
  const parent = await parentOrNewest(conversationId, parentId);
  return getDb().message.create({
    data: { id, conversationId, parentId: parent, compareRunId, role: "assistant", parts: [], modelId, status: "streaming", createdAt },
  });
}

/**
 * Stop for an answer another instance is writing: marks the conversation's streaming answer stopped; that instance
 * sees it at its next save of the text (within a second while tokens flow) and closes the backend call.
 */
export async function markStreamingAnswerStopped(conversationId: string): Promise<boolean> {
  const { count } = await getDb().message.updateMany({
    where: { conversationId, role: "assistant", status: "streaming" },
    data: { status: "stopped" },
  });
  return count > 0;
}

/** How an answer ended, as the status column holds it (lib/chat/types.ts's MessageStatus but "streaming"). */
type FinishedStatus = "complete" | "stopped" | "interrupted" | "error";

export interface AssistantOutcome {
  status: FinishedStatus;
  text: string;
  finishReason: string | null;
  error: string | null;
  usage: { inputTokens: number; outputTokens: number; estimated: boolean } | null;
  metadata: StoredMessageMetadata;
}

export async function finishAssistantMessage(id: string, outcome: AssistantOutcome): Promise<void> {
  await getDb().message.update({
    where: { id },
    data: {
      status: outcome.status,
      parts: textParts(outcome.text),
      finishReason: outcome.finishReason,
      error: outcome.error,
      inputTokens: outcome.usage?.inputTokens ?? null,
      outputTokens: outcome.usage?.outputTokens ?? null,
      usageIsEstimated: outcome.usage?.estimated ?? false,
      metadata: { ...outcome.metadata },
    },
  });
}

/**
 * At start-up: answers still marked streaming were cut off when the previous process ended. Their text so far was
 * saved while streaming and stays. Returns how many there were. With several instances on one database, pass
 * `updatedBefore` (e.g. two minutes ago) so answers other instances are writing right now are left alone: a
 * streaming row is saved several times a second while text flows.
 */
export async function markStreamingMessagesInterrupted({
  updatedBefore,
  exceptIds = [],
}: {
  updatedBefore?: Date;
  exceptIds?: string[];
} = {}): Promise<number> {
  const { count } = await getDb().message.updateMany({
    where: {
      status: "streaming",
      ...(updatedBefore ? { updatedAt: { lt: updatedBefore } } : {}),
      ...(exceptIds.length ? { id: { notIn: exceptIds } } : {}),
    },
    data: { status: "interrupted" },
  });
  return count;
}

/** Graceful shutdown: the answers it cut (already stored as stopped, or still streaming if the save failed). */
export async function markMessagesInterrupted(ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await getDb().message.updateMany({
    where: { id: { in: ids }, role: "assistant", status: { in: ["streaming", "stopped"] } },
    data: { status: "interrupted" },
  });
  return count;
}

/** The id of the conversation's latest answer still marked streaming (possibly being written by another instance). */
export async function latestStreamingAnswerId(conversationId: string): Promise<string | null> {
  const row = await getDb().message.findFirst({
    where: { conversationId, role: "assistant", status: "streaming" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** How many answers the user's requests started in [from, to): what a requests-per-minute counter should hold. */
export async function countAnswersStarted({ userId, from, to }: { userId: string; from: Date; to: Date }): Promise<number> {
  return getDb().message.count({ where: { role: "assistant", createdAt: { gte: from, lt: to }, conversation: { userId } } });
}
