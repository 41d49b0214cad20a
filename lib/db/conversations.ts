import "server-only";
import { z } from "zod";
import { cleanText } from "@/lib/text/clean-text";
import { listedConversationWhere } from "./arena-battles";
import { getDb, sql } from "./client";
import type { Conversation } from "./generated/sqlite";
import { type UsageInput, writeWithUsageRow } from "./usage";

export type ConversationRow = Conversation;

// The queries every answer runs are raw SQL (the same text on both databases; Prisma types the columns it returns):
// Prisma 6's query compiler costs several times the query itself, a third of the server's CPU under load (README: Load).

async function findConversation(id: string): Promise<ConversationRow | null> {
  const rows = await getDb().$queryRaw<ConversationRow[]>`SELECT * FROM "Conversation" WHERE "id" = ${id}`;
  return rows[0] ?? null;
}

/** The conversation, only for its owner: another user's conversation is indistinguishable from a missing one. */
export async function getConversationForUser(userId: string, id: string): Promise<ConversationRow | null> {
  const conversation = await findConversation(id);
  return conversation && conversation.userId === userId ? conversation : null;
}

/** For the first message, whose id the client chose: is the id free, the user's, or taken by someone else? */
export async function getConversationAccess(userId: string, id: string): Promise<{ conversation: ConversationRow | null; takenByOther: boolean }> {
  const conversation = await findConversation(id);
  if (!conversation) return { conversation: null, takenByOther: false };
  return conversation.userId === userId ? { conversation, takenByOther: false } : { conversation: null, takenByOther: true };
}

type NewConversation = { id: string; userId: string; modelId: string };

/**
 * The user's conversation with the client-chosen id, created on the first message. Null when the id belongs to
 * another user (treated as not found). Two concurrent first messages create it once.
 */
export async function getOrCreateConversation({ id, userId, modelId }: NewConversation): Promise<ConversationRow | null> {
  const existing = await getConversationForUser(userId, id);
  if (existing) return existing;
  return (await createConversationUnlessExists({ id, userId, modelId }))?.conversation ?? null;
}

/**
 * For a caller that just saw the id free (getConversationAccess): inserts straight away instead of reading again.
 * `activeMessageId`: the answer about to be stored, so a new conversation needs no update to show it.
 * `created` is false when a concurrent first message created it meanwhile; null when the id is another user's.
 */
export async function createConversationUnlessExists({
  id,
  userId,
  modelId,
  activeMessageId = null,
}: NewConversation & { activeMessageId?: string | null }): Promise<{ conversation: ConversationRow; created: boolean } | null> {
  // The title, titleIsSet and pinned take the schema's defaults; the dates are written as Prisma writes them.
  const now = new Date();
  const inserted = await getDb().$queryRaw<ConversationRow[]>`
    INSERT INTO "Conversation" ("id", "userId", "modelId", "activeMessageId", "createdAt", "updatedAt")
    VALUES (${id}, ${userId}, ${modelId}, ${activeMessageId}, ${now}, ${now})
    ON CONFLICT ("id") DO NOTHING
    RETURNING *`;
  if (inserted[0]) return { conversation: inserted[0], created: true };
  // Nothing inserted: it exists, created by a concurrent first message (or the id is another user's).
  const existing = await getConversationForUser(userId, id);
  return existing ? { conversation: existing, created: false } : null;
}

/**
 * Records the model of the latest message and, when given, the new answer as the active leaf (the branch on show);
 * also moves the conversation to the top of the sidebar.
 */
export async function setConversationModel(id: string, modelId: string, activeMessageId?: string): Promise<void> {
  const now = new Date();
  await (activeMessageId
    ? getDb().$executeRaw`UPDATE "Conversation" SET "modelId" = ${modelId}, "activeMessageId" = ${activeMessageId}, "updatedAt" = ${now} WHERE "id" = ${id}`
    : getDb().$executeRaw`UPDATE "Conversation" SET "modelId" = ${modelId}, "updatedAt" = ${now} WHERE "id" = ${id}`);
}

/**
 * Shows the branch ending at `messageId` (the caller checked it is a message of this conversation). Not activity:
 * the date is kept, so switching between alternatives does not move the conversation in the sidebar.
 */
export async function setActiveMessage(userId: string, id: string, messageId: string): Promise<boolean> {
  const conversation = await getConversationForUser(userId, id);
  if (!conversation) return false;
  const { count } = await getDb().conversation.updateMany({
    where: { id, userId },
    data: { activeMessageId: messageId, updatedAt: conversation.updatedAt },
  });
  return count === 1;
}

/**
 * Sets the automatic title unless a title was set meanwhile (typed by the user, or another answer's): true if it did.
 * `usage`: the title model's call, recorded either way, in the same statement on PostgreSQL (writeWithUsageRow).
 */
export async function setTitleIfUnset(id: string, title: string, usage: UsageInput | null = null): Promise<boolean> {
  const update = sql`
    UPDATE "Conversation" SET "title" = ${cleanText(title)}, "titleIsSet" = ${true}, "updatedAt" = ${new Date()}
    WHERE "id" = ${id} AND "titleIsSet" = ${false}`;
  return (usage ? await writeWithUsageRow(update, usage) : await getDb().$executeRaw(update)) === 1;
}

const cursorSchema = z.object({ pinned: z.boolean(), updatedAt: z.iso.datetime(), id: z.string().min(1).max(200) }).strict();
type SidebarCursor = z.infer<typeof cursorSchema>;

export function encodeSidebarCursor(row: { pinned: boolean; updatedAt: Date; id: string }): string {
  const cursor: SidebarCursor = { pinned: row.pinned, updatedAt: row.updatedAt.toISOString(), id: row.id };
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** Null for a cursor that was not made by encodeSidebarCursor (tampered or from an older version). */
export function decodeSidebarCursor(value: string): SidebarCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * One sidebar page: pinned first, newest first, id as tie-break, read along the index [userId, pinned, updatedAt].
 * A keyset cursor (not OFFSET, not Prisma's row cursor) so a conversation deleted meanwhile cannot break paging.
 */
export async function listConversationsPage(userId: string, { cursor, limit }: { cursor?: SidebarCursor | null; limit: number }) {
  const after = cursor ? afterCursor(cursor) : {};
  return getDb().conversation.findMany({
    where: { userId, ...after, ...listedConversationWhere },
    orderBy: [{ pinned: "desc" }, { updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, title: true, modelId: true, pinned: true, updatedAt: true },
  });
}

function afterCursor(cursor: SidebarCursor) {
  const updatedAt = new Date(cursor.updatedAt);
  const samePinned = [
    { pinned: cursor.pinned, updatedAt, id: { lt: cursor.id } },
    { pinned: cursor.pinned, updatedAt: { lt: updatedAt } },
  ];
  // Pinned rows come first, so after a pinned cursor every unpinned row still follows.
  return { OR: cursor.pinned ? [...samePinned, { pinned: false }] : samePinned };
}

export type ConversationChanges = { title?: string; pinned?: boolean };

/**
 * Renames and/or (un)pins the user's conversation; null when it is not theirs. A typed title counts as set, so the
 * automatic title never overwrites it. The date is kept: renaming or pinning is not activity and must not move the
 * conversation into "Today".
 */
export async function updateConversationForUser(userId: string, id: string, changes: ConversationChanges): Promise<ConversationRow | null> {
  const conversation = await getConversationForUser(userId, id);
  if (!conversation) return null;
  const { count } = await getDb().conversation.updateMany({
    where: { id, userId },
    data: {
      ...(changes.title !== undefined ? { title: changes.title, titleIsSet: true } : {}),
      ...(changes.pinned !== undefined ? { pinned: changes.pinned } : {}),
      updatedAt: conversation.updatedAt,
    },
  });
  return count === 1 ? getConversationForUser(userId, id) : null;
}

/** Deletes the user's conversation and, through the cascade, its messages: false when it was not theirs. */
export async function deleteConversationForUser(userId: string, id: string): Promise<boolean> {
  const { count } = await getDb().conversation.deleteMany({ where: { id, userId } });
  return count === 1;
}

/**
 * Undoes a conversation created for a first message that was then refused or failed to store: removed only while it
 * has no message, so a concurrent first message that did get stored keeps it. True when it was removed.
 */
export async function deleteConversationIfEmpty(userId: string, id: string): Promise<boolean> {
  const { count } = await getDb().conversation.deleteMany({ where: { id, userId, messages: { none: {} } } });
  return count === 1;
}
