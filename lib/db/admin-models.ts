import "server-only";
import type { ModelConfig } from "@/lib/ai/model-config";
import type { ModelDefaults } from "@/lib/models/model-defaults";
import { openModelSecrets } from "@/lib/models/model-secrets";
import { type ModelSecrets, SECRET_FIELDS, type SecretField, secretFieldsFor } from "@/lib/models/model-secrets-fields";
import { errorFields, log } from "@/lib/server/log";
import { getDb } from "./client";
import { type AccessGroup, setModelAccessGroups } from "./model-access";
import { byDisplayOrder, type ChatModel, chatModelFromRow, readStoredConfig, saveModel } from "./models";

export type SecretStatus = "set" | "not set";

/** A model as the admin console shows it: everything but the secrets, which appear only as set or not set. */
export interface AdminModel {
  id: string;
  name: string;
  provider: string;
  endpoint: string;
  /** The provider's other fields (deployment, model, api...), without secrets. */
  connection: Record<string, unknown>;
  secrets: Partial<Record<SecretField, SecretStatus>>;
  defaults: ModelDefaults;
  enabled: boolean;
  isDefault: boolean;
  sortOrder: number;
  managedByFile: boolean;
  demo: boolean;
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  /** Empty: everyone may use it. */
  accessGroups: AccessGroup[];
}

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

type AdminRow = Awaited<ReturnType<typeof findAdminRows>>[number];

function findAdminRows(where: { id?: string } = {}) {
  return getDb().model.findMany({ where, select: adminSelect });
}

// A row whose secrets no longer open (ENCRYPTION_KEY changed) still lists: it shows its secrets as set.
function readableSecrets(row: AdminRow): ModelSecrets {
  try {
    return openModelSecrets(row.id, row.encryptedSecrets);
  } catch (error) {
    log.error({ area: "models", ...errorFields(error) }, "stored model secrets cannot be opened");
    return Object.fromEntries(
      secretFieldsFor({ provider: row.provider, auth: readStoredConfig(row.id, row.config).connection.auth }).map((field) => [field, "?"]),
    );
  }
}

function toAdminModel(row: AdminRow): AdminModel {
  const stored = readStoredConfig(row.id, row.config);
  const held = readableSecrets(row);
  const shown = new Set<SecretField>([
    ...secretFieldsFor({ provider: row.provider, auth: stored.connection.auth }),
    ...SECRET_FIELDS.filter((field) => held[field]),
  ]);
  const secrets: AdminModel["secrets"] = {};
  for (const field of SECRET_FIELDS) if (shown.has(field)) secrets[field] = held[field] ? "set" : "not set";
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    endpoint: row.endpoint,
    connection: stored.connection,
    secrets,
    defaults: stored.defaults,
    enabled: row.enabled,
    isDefault: row.isDefault,
    sortOrder: row.sortOrder,
    managedByFile: row.managedByFile,
    demo: stored.demo,
    inputPricePerMTok: row.inputPricePerMTok,
    outputPricePerMTok: row.outputPricePerMTok,
    accessGroups: row.access.map(({ group }) => group).sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" })),
  };
}

/** Every model, enabled or not, in the order users see them. */
export async function listAdminModels(): Promise<AdminModel[]> {
  return (await findAdminRows()).sort(byDisplayOrder).map(toAdminModel);
}

export async function getAdminModel(id: string): Promise<AdminModel | null> {
  const [row] = await findAdminRows({ id });
  return row ? toAdminModel(row) : null;
}

/** The stored secrets of a model, for merging an edit (a left-empty secret keeps the stored one). */
export async function getStoredModelSecrets(id: string): Promise<ModelSecrets> {
  const row = await getDb().model.findUnique({ where: { id }, select: { encryptedSecrets: true } });
  return row ? openModelSecrets(id, row.encryptedSecrets) : {};
}

/** The model ready to call, whether enabled or not and whoever may use it: for the admin's Test. */
export async function getModelForTest(id: string): Promise<ChatModel | null> {
  const row = await getDb().model.findUnique({ where: { id } });
  return row && chatModelFromRow(row);
}

export interface AdminModelWrite {
  name: string;
  config: ModelConfig;
  defaults: ModelDefaults;
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  accessGroupIds: string[];
  enabled: boolean;
  isDefault: boolean;
}

/** A new database model, placed last. */
export async function createAdminModel(id: string, input: AdminModelWrite): Promise<void> {
  const last = await getDb().model.aggregate({ _max: { sortOrder: true } });
  const { accessGroupIds, ...model } = input;
  await saveModel({ id, ...model, sortOrder: (last._max.sortOrder ?? -1) + 1 }, { mustBeNew: true });
  if (accessGroupIds.length) await setModelAccessGroups(id, accessGroupIds);
}

/** Replaces a database model's settings; its place in the order and its demo flag stay. */
export async function updateAdminModel(id: string, input: AdminModelWrite): Promise<void> {
  const row = await getDb().model.findUniqueOrThrow({ where: { id }, select: { config: true } });
  const { accessGroupIds, ...model } = input;
  await saveModel({ id, ...model, isDefault: model.enabled && model.isDefault, demo: readStoredConfig(id, row.config).demo });
  await setModelAccessGroups(id, accessGroupIds);
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
