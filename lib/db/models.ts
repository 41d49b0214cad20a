import "server-only";
import { z } from "zod";
import { type ModelConfig, type ModelConfigInput, type ModelProvider, modelConfigSchema } from "@/lib/ai/model-config";
import type { ModelOption } from "@/lib/chat/types";
import { type ModelDefaults, modelDefaultsSchema } from "@/lib/models/model-defaults";
import { modelIdSchema } from "@/lib/models/model-id";
import { openModelSecrets, sealModelSecrets, separateSecrets } from "@/lib/models/model-secrets";
import type { ModelsFileEntry } from "@/lib/models/models-file";
import { supportsStreaming } from "@/lib/models/streaming";
import { boundaryOfModel, modelPrivacyFields, policyForModel } from "@/lib/privacy/model-policy";
import { getDb } from "./client";
import type { Prisma } from "./generated/sqlite";
import { type ModelUser, usableModelsWhere } from "./model-access";
import { getPrivacySettings } from "./privacy-settings";

export type { ModelDefaults } from "@/lib/models/model-defaults";

export interface ModelInput {
  id: string;
  name: string;
  config: ModelConfigInput;
  defaults?: ModelDefaults;
  enabled?: boolean;
  isDefault?: boolean;
  sortOrder?: number;
  demo?: boolean;
  managedByFile?: boolean;
  /** US dollars per million tokens; null clears, undefined keeps. */
  inputPricePerMTok?: number | null;
  outputPricePerMTok?: number | null;
}

/** What the chat server needs to call a model: config with secrets decrypted. Never send to the browser. */
export interface ChatModel {
  id: string;
  name: string;
  provider: ModelProvider;
  config: ModelConfigInput;
  defaults: ModelDefaults;
  streaming: boolean;
}

type SignedInUser = ModelUser;

const priceSchema = z.number().min(0).max(1_000_000).nullable().optional();

const modelInputSchema = z
  .object({
    id: modelIdSchema,
    name: z.string().trim().min(1).max(100),
    config: modelConfigSchema,
    defaults: modelDefaultsSchema.optional(),
    enabled: z.boolean().optional(),
    isDefault: z.boolean().optional(),
    sortOrder: z.number().int().optional(),
    demo: z.boolean().optional(),
    managedByFile: z.boolean().optional(),
    inputPricePerMTok: priceSchema,
    outputPricePerMTok: priceSchema,
  })
  .strict();

// The config column: the provider's fields without provider, endpoint (columns of their own) and secrets
// (encryptedSecrets), next to the conversation defaults and the demo flag.
export const storedConfigSchema = z.object({
  connection: z.record(z.string(), z.unknown()),
  defaults: modelDefaultsSchema,
  demo: z.boolean(),
});
export type StoredConfig = z.infer<typeof storedConfigSchema>;

export function readStoredConfig(modelId: string, value: unknown): StoredConfig {
  const result = storedConfigSchema.safeParse(value);
  if (!result.success) throw new Error(`Model ${JSON.stringify(modelId)} has an invalid stored config: ${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * Creates or replaces the model with this id. The config, defaults and demo flag are replaced as given; enabled,
 * isDefault, sortOrder and managedByFile keep their stored values when left out. Making a model the default
 * clears the flag on every other model in the same transaction. With mustBeNew an existing id is an error.
 */
export async function saveModel(input: ModelInput, { mustBeNew = false } = {}): Promise<void> {
  const { id, name, config, defaults, demo, ...flags } = modelInputSchema.parse(input);
  const { secrets, rest } = separateSecrets(config);
  const { provider: _provider, endpoint: _endpoint, ...connection } = rest;
  const stored: StoredConfig = { connection, defaults: defaults ?? {}, demo: demo ?? false };
  const columns = {
    name,
    provider: config.provider,
    endpoint: config.endpoint,
    config: stored as Prisma.InputJsonObject,
    encryptedSecrets: sealModelSecrets(id, secrets),
    ...flags,
  };
  const db = getDb();
  await db.$transaction([
    ...(flags.isDefault ? [db.model.updateMany({ where: { isDefault: true, id: { not: id } }, data: { isDefault: false } })] : []),
    // mustBeNew: a concurrent create of the same id fails on the primary key (P2002) instead of replacing it.
    mustBeNew ? db.model.create({ data: { id, ...columns } }) : db.model.upsert({ where: { id }, create: { id, ...columns }, update: columns }),
  ]);
}

type OrderedModel = { id: string; name: string; sortOrder: number };

// In code rather than SQL: SQLite and PostgreSQL order text differently (binary versus the collation).
export function byDisplayOrder(a: OrderedModel, b: OrderedModel): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id.localeCompare(b.id);
}

async function usableModelsInOrder(user: SignedInUser) {
  const rows = await getDb().model.findMany({
    where: usableModelsWhere(user),
    select: { id: true, name: true, provider: true, isDefault: true, sortOrder: true, config: true },
  });
  return rows.sort(byDisplayOrder);
}

/** The models a user may choose from, safe for the browser. */
export async function listModelOptions(user: SignedInUser): Promise<ModelOption[]> {
  const [rows, privacy] = await Promise.all([usableModelsInOrder(user), getPrivacySettings()]);
  return rows.map((row) => {
    const stored = storedConfigSchema.safeParse(row.config);
    const api = stored.success ? stored.data.connection.api : undefined;
    const privacyFields = modelPrivacyFields(row.provider as ModelProvider, stored.success ? stored.data.connection : {});
    return {
      id: row.id,
      name: row.name,
      provider: row.provider,
      isDefault: row.isDefault,
      streaming: supportsStreaming({ provider: row.provider, api }),
      demo: stored.success && stored.data.demo,
      boundary: boundaryOfModel(privacyFields),
      privacyPolicy: policyForModel(privacyFields, privacy.boundaryPolicies),
    };
  });
}

/** The model with its secrets decrypted; null when it is unknown, disabled or not allowed for this user. */
export async function getChatModel(user: SignedInUser, modelId: string): Promise<ChatModel | null> {
  // One answer for unknown, disabled and not allowed, so a refused user learns nothing about the model.
  const row = await getDb().model.findFirst({ where: { AND: [{ id: modelId }, usableModelsWhere(user)] } });
  return row && chatModelFromRow(row);
}

type ModelRow = { id: string; name: string; provider: string; endpoint: string; config: unknown; encryptedSecrets: string | null };

/** A stored model as the server calls it, secrets decrypted; throws when the row no longer validates. */
export function chatModelFromRow(row: ModelRow): ChatModel {
  const stored = readStoredConfig(row.id, row.config);
  const parsed = modelConfigSchema.safeParse({
    ...stored.connection,
    provider: row.provider,
    endpoint: row.endpoint,
    ...openModelSecrets(row.id, row.encryptedSecrets),
  });
  if (!parsed.success) throw new Error(`Model ${JSON.stringify(row.id)} has an invalid stored config: ${z.prettifyError(parsed.error)}`);
  const config: ModelConfig = parsed.data;
  return { id: row.id, name: row.name, provider: config.provider, config, defaults: stored.defaults, streaming: supportsStreaming(config) };
}

/** The default model if this user may use it, else the first one they may use, else null. */
export async function getDefaultModelId(user: SignedInUser): Promise<string | null> {
  const rows = await usableModelsInOrder(user);
  return (rows.find((row) => row.isDefault) ?? rows[0])?.id ?? null;
}

/**
 * Makes the database match MODELS_FILE: its entries are upserted as file-managed (a database model with the same id
 * is taken over), in file order. A file-managed model no longer in the file is disabled, not deleted, because
 * conversations and usage records refer to it.
 */
export async function syncModelsFromFile(entries: ModelsFileEntry[]): Promise<{ created: string[]; updated: string[]; disabled: string[] }> {
  const db = getDb();
  const existing = await db.model.findMany({ select: { id: true, enabled: true, managedByFile: true } });
  const existingIds = new Set(existing.map((row) => row.id));
  const created: string[] = [];
  const updated: string[] = [];
  for (const [sortOrder, entry] of entries.entries()) {
    await saveModel({ ...entry, sortOrder, managedByFile: true });
    (existingIds.has(entry.id) ? updated : created).push(entry.id);
  }
  const inFile = new Set(entries.map((entry) => entry.id));
  const disabled = existing.filter((row) => row.managedByFile && row.enabled && !inFile.has(row.id)).map((row) => row.id);
  if (disabled.length) {
    await db.model.updateMany({ where: { id: { in: disabled } }, data: { enabled: false, isDefault: false } });
  }
  return { created, updated, disabled };
}

/** Whether an enabled model has this id, whoever may use it: tells "not allowed" (403) from "unknown" (404) in /v1. */
export async function isEnabledModel(modelId: string): Promise<boolean> {
  return (await getDb().model.count({ where: { id: modelId, enabled: true } })) > 0;
}
