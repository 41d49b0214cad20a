import "server-only";
import { getDb } from "./client";

/**
 * Deletes up to `limit` conversations last updated before `cutoff`, with their messages (the cascade), in one
 * transaction; a conversation with an answer being written is skipped, whatever its date. Returns how many went.
 */
export async function deleteExpiredConversationBatch({ cutoff, limit }: { cutoff: Date; limit: number }): Promise<number> {
  const db = getDb();
  const expired = { updatedAt: { lt: cutoff }, messages: { none: { status: "streaming" as const } } };
  return db.$transaction(async (tx) => {
    const rows = await tx.conversation.findMany({ where: expired, select: { id: true }, orderBy: { updatedAt: "asc" }, take: limit });
    if (rows.length === 0) return 0;
    // The conditions again: a message may have arrived since the read.
    const { count } = await tx.conversation.deleteMany({ where: { id: { in: rows.map((row) => row.id) }, ...expired } });
    return count;
  });
}
