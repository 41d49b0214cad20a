import "server-only";
import type { ArenaVote } from "@/lib/arena/types";
import { getDb } from "./client";
import type { Prisma } from "./generated/sqlite";

/**
 * Conversations a list may show: every one except those holding a blind Arena battle not voted on yet (they hold
 * the two models' ids). Used by the sidebar, search and the account export.
 */
export const listedConversationWhere: Prisma.ConversationWhereInput = { NOT: { arenaBattle: { is: { vote: null } } } };

const battleSelect = {
  id: true,
  userId: true,
  conversationId: true,
  prompt: true,
  modelAId: true,
  modelBId: true,
  vote: true,
  votedAt: true,
  createdAt: true,
} as const;

export type ArenaBattleRow = Prisma.ArenaBattleGetPayload<{ select: typeof battleSelect }>;

/**
 * The battle's conversation and the battle itself, in one transaction, so no list ever shows the conversation
 * before it is marked as a battle. The answers are added by the Compare run that follows.
 */
export async function createArenaBattle(input: { conversationId: string; userId: string; prompt: string; title: string; modelAId: string; modelBId: string }) {
  const { conversationId, userId, prompt, title, modelAId, modelBId } = input;
  const conversation = await getDb().conversation.create({
    data: { id: conversationId, userId, modelId: modelAId, title, titleIsSet: true, arenaBattle: { create: { userId, prompt, modelAId, modelBId } } },
    select: { arenaBattle: { select: battleSelect } },
  });
  if (!conversation.arenaBattle) throw new Error("the arena battle was not created");
  return conversation.arenaBattle;
}

/** A battle whose run could not start: it goes with its conversation, as if never made. */
export async function deleteArenaBattle({ id, conversationId }: { id: string; conversationId: string }): Promise<void> {
  const db = getDb();
  await db.$transaction([db.arenaBattle.deleteMany({ where: { id } }), db.conversation.deleteMany({ where: { id: conversationId } })]);
}

/** The user's own battle, or null (another user's battle counts as missing). */
export async function getArenaBattleForUser({ userId, id }: { userId: string; id: string }): Promise<ArenaBattleRow | null> {
  return getDb().arenaBattle.findFirst({ where: { id, userId }, select: battleSelect });
}

/** The id of the model's answer in the battle's conversation, or null. */
export async function findArenaAnswerId({ conversationId, modelId }: { conversationId: string; modelId: string }): Promise<string | null> {
  const row = await getDb().message.findFirst({
    where: { conversationId, modelId, role: "assistant", compareRunId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** Sets the vote once: false when the battle is not the user's or was voted on already (the first vote stays). */
export async function recordArenaVote({ userId, id, vote, at }: { userId: string; id: string; vote: ArenaVote; at: Date }): Promise<boolean> {
  const { count } = await getDb().arenaBattle.updateMany({ where: { id, userId, vote: null }, data: { vote, votedAt: at } });
  return count === 1;
}

/** Display names of these models (a deleted model is missing: the caller shows its id). */
export async function findModelNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().model.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The conversations of the user's battles not voted on yet: their usage records name the models. */
export async function unvotedArenaConversationIds(userId: string): Promise<string[]> {
  const rows = await getDb().arenaBattle.findMany({ where: { userId, vote: null, conversationId: { not: null } }, select: { conversationId: true } });
  return rows.flatMap((row) => (row.conversationId ? [row.conversationId] : []));
}

/** Usage records outside these conversations (spelled out for the null conversationId, which NOT IN would drop). */
export function usageOutsideConversations(conversationIds: string[]): Prisma.UsageRecordWhereInput {
  return conversationIds.length === 0 ? {} : { OR: [{ conversationId: null }, { conversationId: { notIn: conversationIds } }] };
}
