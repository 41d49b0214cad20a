import "server-only";
import { randomUUID } from "node:crypto";
import { currentDatabaseTarget, getDb, sql } from "./client";
import type { Prisma } from "./generated/sqlite";

export interface UsageInput {
  userId: string;
  modelId: string | null;
  conversationId?: string | null;
  messageId?: string | null;
  inputTokens: number;
  outputTokens: number;
  estimated: boolean;
  latencyMs?: number | null;
  /** The personal API key of a call made through /v1 (marks the record as an API call). */
  apiKeyId?: string | null;
  /** The evaluation run the call belongs to (marks the record as an evaluation's). */
  evalRunId?: string | null;
  /** The model's prices when the caller has just read its row (spares reading them again); else they are read. */
  prices?: ModelPrices;
}

export interface ModelPrices {
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
}

/**
 * US dollars for one call at the given prices per million tokens (an unpriced side costs nothing), in whole
 * billionths of a dollar so that sums of stored costs come out exact (see roundUsd).
 */
export function costOfCall(tokens: { inputTokens: number; outputTokens: number }, prices: ModelPrices | null): number {
  if (!prices) return 0;
  const exact = (tokens.inputTokens * (prices.inputPricePerMTok ?? 0)) / 1e6 + (tokens.outputTokens * (prices.outputPricePerMTok ?? 0)) / 1e6;
  return Math.round(exact * 1e9) / 1e9;
}

/**
 * One row per backend call (answers and titles alike); dashboards and quotas add these up. The cost is fixed here,
 * at the model's prices of the moment, so a later price change does not rewrite history; it is returned.
 */
export async function recordUsage(input: UsageInput): Promise<number> {
  const { insert, costUsd } = await usageInsert(input);
  await getDb().$executeRaw(insert);
  return costUsd;
}

/**
 * Runs `write` (an UPDATE) and records `usage` with it; returns the rows `write` changed. On PostgreSQL one statement
 * (a data-modifying WITH): one round trip instead of two, and both are written or neither; each query's round trip
 * was a large share of the server's CPU under load (README: Load). On SQLite, which has no such statement and no
 * round trips, the usage row first, then the write.
 */
export async function writeWithUsageRow(write: Prisma.Sql, usage: UsageInput): Promise<number> {
  const { insert } = await usageInsert(usage);
  if (currentDatabaseTarget().provider === "postgres") {
    const rows = await getDb().$queryRaw<{ written: number }[]>(
      sql`WITH "written" AS (${write} RETURNING 1), "recorded" AS (${insert}) SELECT COUNT(*)::int AS "written" FROM "written"`,
    );
    return rows[0]?.written ?? 0;
  }
  await getDb().$executeRaw(insert);
  return getDb().$executeRaw(write);
}

/** recordUsage's INSERT and the cost it stores. */
async function usageInsert(input: UsageInput): Promise<{ insert: Prisma.Sql; costUsd: number }> {
  const prices =
    input.prices ??
    (input.modelId ? await getDb().model.findUnique({ where: { id: input.modelId }, select: { inputPricePerMTok: true, outputPricePerMTok: true } }) : null);
  const costUsd = costOfCall(input, prices);
  // Raw SQL, as every query of the answer path (README: Load).
  const insert = sql`
    INSERT INTO "UsageRecord" ("id", "userId", "modelId", "conversationId", "messageId", "inputTokens", "outputTokens", "usageIsEstimated",
      "latencyMs", "apiKeyId", "evalRunId", "costUsd", "createdAt")
    VALUES (${randomUUID()}, ${input.userId}, ${input.modelId}, ${input.conversationId ?? null}, ${input.messageId ?? null}, ${input.inputTokens},
      ${input.outputTokens}, ${input.estimated}, ${input.latencyMs ?? null}, ${input.apiKeyId ?? null}, ${input.evalRunId ?? null}, ${costUsd}, ${new Date()})`;
  return { insert, costUsd };
}

/**
 * recordUsage for an answer's usage, written at most once per message: a retry after a failure that did commit
 * (the connection broke on the way back) does not count the call twice.
 */
export async function recordUsageOnce(input: UsageInput): Promise<void> {
  if (input.messageId) {
    const existing = await getDb().usageRecord.findFirst({ where: { messageId: input.messageId }, select: { id: true } });
    if (existing) return;
  }
  await recordUsage(input);
}
