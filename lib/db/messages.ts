import "server-only";
import { cleanText } from "@/lib/text/clean-text";
import { getDb, sql } from "./client";
import type { Message } from "./generated/sqlite";
import { type UsageInput, writeWithUsageRow } from "./usage";

export type StoredMessage = Message;

// The writes and reads every answer makes are raw SQL, as in conversations.ts (README: Load). JSON columns are written
// as JSON text and dates as Date parameters, which Prisma stores as its own queries do.

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
function textPartsJson(text: string): string {
  return JSON.stringify([{ type: "text", text: cleanText(text) }]);
}

/**
 * Every message of the conversation, every branch, oldest first. createdAt is set by the chat server so that an
 * answer always sorts after its question and a new alternative after everything before it.
 */
export async function listMessages(conversationId: string): Promise<StoredMessage[]> {
  return getDb().$queryRaw<StoredMessage[]>`SELECT * FROM "Message" WHERE "conversationId" = ${conversationId} ORDER BY "createdAt" ASC, "id" ASC`;
}

/**
 * The parent of a message whose caller named none: before the tree every message followed the one before it, and a
 * caller that does not know about alternatives still gets that. Null (a root) has to be asked for.
 */
async function parentOrNewest(conversationId: string, parentId: string | null | undefined): Promise<string | null> {
  if (parentId !== undefined) return parentId;
  const newest = await getDb().$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Message" WHERE "conversationId" = ${conversationId} ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`;
  return newest[0]?.id ?? null;
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
  const rows = await getDb().$queryRaw<StoredMessage[]>`
    INSERT INTO "Message" ("id", "conversationId", "parentId", "role", "parts", "status", "createdAt", "updatedAt")
    VALUES (${id}, ${conversationId}, ${parent}, ${"user"}, ${textPartsJson(text)}, ${"complete"}, ${createdAt}, ${new Date()})
    RETURNING *`;
  return insertedRow(rows);
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
  const rows = await getDb().$queryRaw<StoredMessage[]>`
    INSERT INTO "Message" ("id", "conversationId", "parentId", "compareRunId", "role", "parts", "modelId", "status", "createdAt", "updatedAt")
    VALUES (${id}, ${conversationId}, ${parent}, ${compareRunId}, ${"assistant"}, ${"[]"}, ${modelId}, ${"streaming"}, ${createdAt}, ${new Date()})
    RETURNING *`;
  return insertedRow(rows);
}

/**
 * A chat turn's user message and its empty answer (which follows it), in one statement: one round trip instead of
 * two, and never a question stored without its answer. A reused question id fails the whole statement on the
 * primary key (isUniqueViolation), as insertUserMessage does. The columns one row does not use get null, as the
 * schema's default for each.
 */
export async function insertQuestionAndAnswer({
  conversationId,
  parentId,
  question,
  answer,
}: {
  conversationId: string;
  parentId: string | null;
  question: { id: string; text: string; createdAt: Date };
  answer: { id: string; modelId: string; createdAt: Date };
}): Promise<{ question: StoredMessage; answer: StoredMessage }> {
  const now = new Date();
  const rows = await getDb().$queryRaw<StoredMessage[]>`
    INSERT INTO "Message" ("id", "conversationId", "parentId", "compareRunId", "role", "parts", "modelId", "status", "createdAt", "updatedAt")
    VALUES
      (${question.id}, ${conversationId}, ${parentId}, ${null}, ${"user"}, ${textPartsJson(question.text)}, ${null}, ${"complete"}, ${question.createdAt}, ${now}),
      (${answer.id}, ${conversationId}, ${question.id}, ${null}, ${"assistant"}, ${"[]"}, ${answer.modelId}, ${"streaming"}, ${answer.createdAt}, ${now})
    RETURNING *`;
  // RETURNING promises no order (SQLite says so): the rows are told apart by id.
  return { question: insertedRow(rows.filter((row) => row.id === question.id)), answer: insertedRow(rows.filter((row) => row.id === answer.id)) };
}

function insertedRow(rows: StoredMessage[]): StoredMessage {
  const [row] = rows;
  if (!row) throw new Error("INSERT … RETURNING returned no row");
  return row;
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

/** Writes how the answer ended. An answer deleted meanwhile (with its conversation) has nothing left to write. */
export async function finishAssistantMessage(id: string, outcome: AssistantOutcome): Promise<void> {
  await getDb().$executeRaw(finishUpdate(id, outcome));
}

/** finishAssistantMessage and recordUsage of the answer's call, in one statement on PostgreSQL (writeWithUsageRow). */
export async function finishAssistantMessageWithUsage(id: string, outcome: AssistantOutcome, usage: UsageInput): Promise<void> {
  await writeWithUsageRow(finishUpdate(id, outcome), usage);
}

function finishUpdate(id: string, outcome: AssistantOutcome) {
  return sql`
    UPDATE "Message" SET
      "status" = ${outcome.status},
      "parts" = ${textPartsJson(outcome.text)},
      "finishReason" = ${outcome.finishReason},
      "error" = ${outcome.error},
      "inputTokens" = ${outcome.usage?.inputTokens ?? null},
      "outputTokens" = ${outcome.usage?.outputTokens ?? null},
      "usageIsEstimated" = ${outcome.usage?.estimated ?? false},
      "metadata" = ${JSON.stringify(outcome.metadata)},
      "updatedAt" = ${new Date()}
    WHERE "id" = ${id}`;
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
