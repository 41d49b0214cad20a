import "server-only";
import { listedConversationWhere, unvotedArenaConversationIds, usageOutsideConversations } from "./arena-battles";
import { getDb } from "./client";

// A user's own data, for their account page: what there is, all of it as a download, and deleting it.

export async function getAccountProfile({ userId }: { userId: string }) {
  const db = getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      image: true,
      role: true,
      status: true,
      groups: true,
      createdAt: true,
      lastActiveAt: true,
      identities: { select: { issuer: true, subject: true, email: true, createdAt: true } },
    },
  });
  if (!user) return null;
  const hasPassword = (await db.user.count({ where: { id: userId, passwordHash: { not: null } } })) === 1;
  return { ...user, hasPassword };
}

export async function countAccountData({ userId }: { userId: string }) {
  const db = getDb();
  const arenaUsage = usageOutsideConversations(await unvotedArenaConversationIds(userId));
  const [conversations, messages, presets, usageRecords] = await Promise.all([
    db.conversation.count({ where: { userId, ...listedConversationWhere } }),
    db.message.count({ where: { conversation: { userId, ...listedConversationWhere } } }),
    db.preset.count({ where: { userId } }),
    db.usageRecord.count({ where: { userId, ...arenaUsage } }),
  ]);
  return { conversations, messages, presets, usageRecords };
}

/** The user's conversations with their messages, a batch at a time (by id), so a large account never sits in memory whole. */
export async function* eachConversationWithMessages({ userId, batchSize = 50 }: { userId: string; batchSize?: number }) {
  let after: string | undefined;
  for (;;) {
    const batch = await getDb().conversation.findMany({
      where: { userId, ...(after ? { id: { gt: after } } : {}), ...listedConversationWhere },
      orderBy: { id: "asc" },
      take: batchSize,
      select: {
        id: true,
        title: true,
        modelId: true,
        pinned: true,
        settings: true,
        createdAt: true,
        updatedAt: true,
        messages: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            parentId: true,
            role: true,
            parts: true,
            modelId: true,
            status: true,
            error: true,
            inputTokens: true,
            outputTokens: true,
            usageIsEstimated: true,
            finishReason: true,
            feedback: true,
            createdAt: true,
          },
        },
      },
    });
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]?.id;
  }
}

export async function listPresetsOfUser({ userId }: { userId: string }) {
  return getDb().preset.findMany({
    where: { userId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      systemPrompt: true,
      prompt: true,
      modelId: true,
      temperature: true,
      maxOutputTokens: true,
      createdAt: true,
      updatedAt: true,
    },
  });
}

/** The user's usage records, a batch at a time (by id). */
export async function* eachUsageRecord({ userId, batchSize = 1000 }: { userId: string; batchSize?: number }) {
  let after: string | undefined;
  // A blind battle's records name its models: they are left out until the vote (like its conversation).
  const arenaUsage = usageOutsideConversations(await unvotedArenaConversationIds(userId));
  for (;;) {
    const batch = await getDb().usageRecord.findMany({
      where: { userId, ...arenaUsage, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: {
        id: true,
        modelId: true,
        conversationId: true,
        apiKeyId: true,
        inputTokens: true,
        outputTokens: true,
        usageIsEstimated: true,
        costUsd: true,
        createdAt: true,
      },
    });
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]?.id;
  }
}

/** Deletes every conversation of the user, and with them their messages (the cascade). Returns how many. */
export async function deleteAllConversationsOfUser({ userId }: { userId: string }): Promise<number> {
  const { count } = await getDb().conversation.deleteMany({ where: { userId } });
  return count;
}
