import "server-only";
import { getDb } from "./client";

// Stored as settings rows: how long conversations are kept, and what the last retention run did.

const DAYS_KEY = "retention.days";
const LAST_RUN_KEY = "retention.lastRun";

export type RetentionLastRun = { at: string; deleted: number };
export type RetentionSettings = { days: number | null; lastRun: RetentionLastRun | null };

function asDays(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : null;
}

function asLastRun(value: unknown): RetentionLastRun | null {
  if (value === null || typeof value !== "object") return null;
  const { at, deleted } = value as Record<string, unknown>;
  return typeof at === "string" && typeof deleted === "number" ? { at, deleted } : null;
}

export async function getRetentionSettings(): Promise<RetentionSettings> {
  const rows = await getDb().setting.findMany({ where: { key: { in: [DAYS_KEY, LAST_RUN_KEY] } } });
  const valueOf = (key: string) => rows.find((row) => row.key === key)?.value;
  return { days: asDays(valueOf(DAYS_KEY)), lastRun: asLastRun(valueOf(LAST_RUN_KEY)) };
}

/** Null turns retention off (the default: conversations are kept for ever). Returns the previous value. */
export async function setRetentionDays(days: number | null): Promise<number | null> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const previous = asDays((await tx.setting.findUnique({ where: { key: DAYS_KEY } }))?.value);
    if (days === null) await tx.setting.deleteMany({ where: { key: DAYS_KEY } });
    else await tx.setting.upsert({ where: { key: DAYS_KEY }, create: { key: DAYS_KEY, value: days }, update: { value: days } });
    return previous;
  });
}

export async function recordRetentionRun(run: RetentionLastRun): Promise<void> {
  await getDb().setting.upsert({ where: { key: LAST_RUN_KEY }, create: { key: LAST_RUN_KEY, value: run }, update: { value: run } });
}
