import "server-only";
import { getDb } from "./client";
import { byDisplayOrder } from "./models";

// The admin console's reads and writes of the model table. What the rows mean (AdminModel, secrets shown only as set
// or not set) is lib/models/admin-models.ts.

const adminSelect = {
  id: true,
  name: true,
  provider: true,
  endpoint: true,
  config: true,
  encryptedSecrets: true,
  enabled: true,
  isDefault: true,
  sortOrder: true,
  managedByFile: true,
  inputPricePerMTok: true,
  outputPricePerMTok: true,
  access: { select: { group: { select: { id: true, name: true } } } },
} as const;

export type AdminModelRow = Awaited<ReturnType<typeof findAdminModelRows>>[number];

/** Every model (or the one with this id) with the groups that may use it, in the order users see them. */
export async function findAdminModelRows(where: { id?: string } = {}) {
  return (await getDb().model.findMany({ where, select: adminSelect })).sort(byDisplayOrder);
}

/** The model's sealed secrets as stored (null: none, or no such model). */
export async function findSealedModelSecrets(id: string): Promise<string | null> {
  const row = await getDb().model.findUnique({ where: { id }, select: { encryptedSecrets: true } });
  return row?.encryptedSecrets ?? null;
}

/** The sort order after every model's: a new database model goes last. */
export async function nextSortOrder(): Promise<number> {
  const last = await getDb().model.aggregate({ _max: { sortOrder: true } });
  return (last._max.sortOrder ?? -1) + 1;
}

/**
 * Moves a database model one place up or down among the database models (file models keep the file's order, ahead of
 * them). Renumbers every database model so the order has no ties. False when it is already at that end.
 */
export async function moveAdminModel(id: string, direction: "up" | "down"): Promise<boolean> {
  const db = getDb();
  const rows = (await db.model.findMany({ select: { id: true, name: true, sortOrder: true, managedByFile: true } })).sort(byDisplayOrder);
  const fromFile = rows.filter((row) => row.managedByFile);
  const ordered = rows.filter((row) => !row.managedByFile);
  const at = ordered.findIndex((row) => row.id === id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ordered.length) return false;
  [ordered[at], ordered[to]] = [ordered[to]!, ordered[at]!];
  const start = Math.max(-1, ...fromFile.map((row) => row.sortOrder)) + 1;
  await db.$transaction(ordered.map((row, index) => db.model.update({ where: { id: row.id }, data: { sortOrder: start + index } })));
  return true;
}

/** Whether the current default comes from MODELS_FILE (then only the file may move it). */
export async function isDefaultFromFile(): Promise<boolean> {
  return (await getDb().model.count({ where: { isDefault: true, managedByFile: true } })) > 0;
}

/** Whether conversations or usage records refer to the model. */
export async function isModelInUse(id: string): Promise<boolean> {
  const db = getDb();
  const [conversations, usage] = await Promise.all([db.conversation.count({ where: { modelId: id } }), db.usageRecord.count({ where: { modelId: id } })]);
  return conversations > 0 || usage > 0;
}

export async function deleteAdminModel(id: string): Promise<void> {
  await getDb().model.delete({ where: { id } });
}
