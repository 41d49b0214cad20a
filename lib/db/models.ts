import "server-only";
import { getDb } from "./client";
import type { Prisma } from "./generated/sqlite";
import { type ModelUser, usableModelsWhere } from "./model-access";
import type { ModelPrices } from "./usage";

// The model table as rows. What a row means (its config validated, its secrets sealed and opened) belongs to
// lib/models, the catalogue's owner; nothing here reads inside the config column or the sealed secrets.

/** A model's columns as lib/models/save-model.ts prepares them: the config JSON checked, the secrets already sealed. */
export interface ModelColumns {
  name: string;
  provider: string;
  endpoint: string;
  config: Prisma.InputJsonObject;
  encryptedSecrets: string | null;
  enabled?: boolean;
  isDefault?: boolean;
  sortOrder?: number;
  managedByFile?: boolean;
  inputPricePerMTok?: number | null;
  outputPricePerMTok?: number | null;
}

/**
 * Creates or replaces the model with this id; flags left out keep their stored values. Making a model the default
 * clears the flag on every other model in the same transaction. With mustBeNew an existing id is an error.
 */
export async function writeModel(id: string, columns: ModelColumns, { mustBeNew = false } = {}): Promise<void> {
  const db = getDb();
  await db.$transaction([
    ...(columns.isDefault ? [db.model.updateMany({ where: { isDefault: true, id: { not: id } }, data: { isDefault: false } })] : []),
    // mustBeNew: a concurrent create of the same id fails on the primary key (P2002) instead of replacing it.
    mustBeNew ? db.model.create({ data: { id, ...columns } }) : db.model.upsert({ where: { id }, create: { id, ...columns }, update: columns }),
  ]);
}

type OrderedModel = { id: string; name: string; sortOrder: number };

// In code rather than SQL: SQLite and PostgreSQL order text differently (binary versus the collation).
export function byDisplayOrder(a: OrderedModel, b: OrderedModel): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id.localeCompare(b.id);
}

/** The models this user may use, in the order users see them. */
export async function findUsableModels(user: ModelUser) {
  const rows = await getDb().model.findMany({
    where: usableModelsWhere(user),
    select: { id: true, name: true, provider: true, isDefault: true, sortOrder: true, config: true },
  });
  return rows.sort(byDisplayOrder);
}

/** What calling a model needs of its row. */
export interface CallableModelRow extends ModelPrices {
  id: string;
  name: string;
  provider: string;
  endpoint: string;
  config: unknown;
  encryptedSecrets: string | null;
}

/**
 * The model's row when this user may use it; null when it is unknown, disabled or not allowed (one answer for all
 * three). Every answer asks, so this is raw SQL (README: Load) with usableModelsWhere's rule written out: enabled,
 * and for a non-admin open to everyone (no access rows) or to one of the user's groups. The model-access tests
 * hold both to it.
 */
export async function findUsableModel(user: ModelUser, modelId: string): Promise<CallableModelRow | null> {
  const rows = await getDb().$queryRaw<CallableModelRow[]>`
    SELECT m."id", m."name", m."provider", m."endpoint", m."config", m."encryptedSecrets", m."inputPricePerMTok", m."outputPricePerMTok"
    FROM "Model" AS m
    WHERE m."id" = ${modelId} AND m."enabled" = ${true} AND (
      ${user.role === "admin"}
      OR NOT EXISTS (SELECT 1 FROM "ModelAccess" AS a WHERE a."modelId" = m."id")
      OR EXISTS (SELECT 1 FROM "ModelAccess" AS a JOIN "GroupMember" AS gm ON gm."groupId" = a."groupId" WHERE a."modelId" = m."id" AND gm."userId" = ${user.id}))`;
  return rows[0] ?? null;
}

/** The model's row, enabled or not and whoever may use it. */
export function findModel(modelId: string) {
  return getDb().model.findUnique({ where: { id: modelId } });
}

/** Every model's id and the two flags MODELS_FILE sync decides by. */
export function listModelSyncState() {
  return getDb().model.findMany({ select: { id: true, enabled: true, managedByFile: true } });
}

/** Disabled (and no longer the default), never deleted: conversations and usage records refer to them. */
export async function disableModels(ids: string[]): Promise<void> {
  if (ids.length) await getDb().model.updateMany({ where: { id: { in: ids } }, data: { enabled: false, isDefault: false } });
}

/** Whether an enabled model has this id, whoever may use it: tells "not allowed" (403) from "unknown" (404) in /v1. */
export async function isEnabledModel(modelId: string): Promise<boolean> {
  return (await getDb().model.count({ where: { id: modelId, enabled: true } })) > 0;
}
