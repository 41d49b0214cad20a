import "server-only";
import type { ModelConfig } from "@/lib/ai/model-config";
import { ApiError } from "@/lib/api/errors";
import { type AdminModelRow, findAdminModelRows, findSealedModelSecrets, nextSortOrder } from "@/lib/db/admin-models";
import { type AccessGroup, setModelAccessGroups } from "@/lib/db/model-access";
import { findModel } from "@/lib/db/models";
import { errorFields, log } from "@/lib/server/log";
import type { ModelDefaults } from "./model-defaults";
import { openModelSecrets } from "./model-secrets";
import { type ModelSecrets, SECRET_FIELDS, type SecretField, secretFieldsFor } from "./model-secrets-fields";
import { saveModel } from "./save-model";
import { readStoredConfig } from "./stored-config";

// Models from MODELS_FILE belong to the file: the admin console shows them but every change is refused (409).
export const FILE_MANAGED_MESSAGE = "This model comes from MODELS_FILE and cannot be changed here: edit the file (it is read at every start of the server).";
export const DEFAULT_FROM_FILE = "The default model is set in MODELS_FILE: change the default in the file.";

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

// A row whose secrets no longer open (ENCRYPTION_KEY changed) still lists: it shows its secrets as set.
function readableSecrets(row: AdminModelRow): ModelSecrets {
  try {
    return openModelSecrets(row.id, row.encryptedSecrets);
  } catch (error) {
    log.error({ area: "models", ...errorFields(error) }, "stored model secrets cannot be opened");
    return Object.fromEntries(
      secretFieldsFor({ provider: row.provider, auth: readStoredConfig(row.id, row.config).connection.auth }).map((field) => [field, "?"]),
    );
  }
}

function toAdminModel(row: AdminModelRow): AdminModel {
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
  return (await findAdminModelRows()).map(toAdminModel);
}

export async function getAdminModel(id: string): Promise<AdminModel | null> {
  const [row] = await findAdminModelRows({ id });
  return row ? toAdminModel(row) : null;
}

/** The stored secrets of a model, for merging an edit (a left-empty secret keeps the stored one). */
export async function getStoredModelSecrets(id: string): Promise<ModelSecrets> {
  return openModelSecrets(id, await findSealedModelSecrets(id));
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
  const { accessGroupIds, ...model } = input;
  await saveModel({ id, ...model, sortOrder: await nextSortOrder() }, { mustBeNew: true });
  if (accessGroupIds.length) await setModelAccessGroups(id, accessGroupIds);
}

/** Replaces a database model's settings; its place in the order and its demo flag stay. */
export async function updateAdminModel(id: string, input: AdminModelWrite): Promise<void> {
  const row = await findModel(id);
  // Deleted since the route read it.
  if (!row) throw new ApiError("not_found", "This model no longer exists.");
  const { accessGroupIds, ...model } = input;
  await saveModel({ id, ...model, isDefault: model.enabled && model.isDefault, demo: readStoredConfig(id, row.config).demo });
  await setModelAccessGroups(id, accessGroupIds);
}
