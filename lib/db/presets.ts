import "server-only";
import { getDb } from "./client";

export interface PresetFields {
  name: string;
  systemPrompt: string | null;
  prompt: string | null;
  modelId: string | null;
  temperature: number | null;
  maxOutputTokens: number | null;
}

export type PresetRow = PresetFields & { id: string; userId: string; createdAt: Date; updatedAt: Date };

/** The user's presets by name (case-insensitively, in code: SQLite and PostgreSQL collate differently). */
export async function listPresetsForUser({ userId }: { userId: string }): Promise<PresetRow[]> {
  const rows = await getDb().preset.findMany({ where: { userId } });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id.localeCompare(b.id));
}

/** The preset, only for its owner: another user's preset is indistinguishable from a missing one. */
export async function getPresetForUser({ userId, id }: { userId: string; id: string }): Promise<PresetRow | null> {
  const row = await getDb().preset.findUnique({ where: { id } });
  return row && row.userId === userId ? row : null;
}

/**
 * Creates the preset unless the user already has `limit`. The count and the insert run in one transaction; two
 * racing creates may still both pass on PostgreSQL's default isolation, which only overshoots the limit by one.
 */
export async function createPresetForUser({ userId, fields, limit }: { userId: string; fields: PresetFields; limit: number }): Promise<PresetRow | null> {
  return getDb().$transaction(async (tx) => {
    if ((await tx.preset.count({ where: { userId } })) >= limit) return null;
    return tx.preset.create({ data: { userId, ...fields } });
  });
}

/** Replaces the fields of the user's preset; null when it is not theirs. */
export async function updatePresetForUser({ userId, id, fields }: { userId: string; id: string; fields: Partial<PresetFields> }): Promise<PresetRow | null> {
  const { count } = await getDb().preset.updateMany({ where: { id, userId }, data: fields });
  return count === 1 ? getPresetForUser({ userId, id }) : null;
}

/** False when the preset was not the user's. */
export async function deletePresetForUser({ userId, id }: { userId: string; id: string }): Promise<boolean> {
  const { count } = await getDb().preset.deleteMany({ where: { id, userId } });
  return count === 1;
}
