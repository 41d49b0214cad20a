import "server-only";
import { getDb } from "./client";

// Whether the blind Arena is offered. Off until an admin turns it on: each battle costs two answers.
const ARENA_ENABLED_KEY = "arena.enabled";

export async function getArenaEnabled(): Promise<boolean> {
  const row = await getDb().setting.findUnique({ where: { key: ARENA_ENABLED_KEY } });
  return row?.value === true;
}

export async function saveArenaEnabled({ enabled }: { enabled: boolean }): Promise<void> {
  await getDb().setting.upsert({ where: { key: ARENA_ENABLED_KEY }, create: { key: ARENA_ENABLED_KEY, value: enabled }, update: { value: enabled } });
}
