import "server-only";
import { z } from "zod";
import { type ModelConfig, type ModelConfigInput, type ModelProvider, modelConfigSchema } from "@/lib/ai/model-config";
import type { ModelOption } from "@/lib/chat/types";
import type { ModelUser } from "@/lib/db/model-access";
import { type CallableModelRow, findModel, findUsableModel, findUsableModels } from "@/lib/db/models";
import { getPrivacySettings } from "@/lib/db/privacy-settings";
import type { ModelPrices } from "@/lib/db/usage";
import { boundaryOfModel, modelPrivacyFields, policyForModel } from "@/lib/privacy/model-policy";
import type { ModelDefaults } from "./model-defaults";
import { openModelSecrets } from "./model-secrets";
import { readStoredConfig, storedConfigSchema } from "./stored-config";

/** What the chat server needs to call a model: config with secrets decrypted. Never send to the browser. */
export interface ChatModel {
  id: string;
  name: string;
  provider: ModelProvider;
  config: ModelConfigInput;
  defaults: ModelDefaults;
  streaming: boolean;
  /** The prices per million tokens when the model was read: its calls' usage records are costed at them. */
  prices?: ModelPrices;
}

/** False for AI21 J2 (the complete and chat APIs), which answers whole: there is no streaming endpoint. */
function supportsStreaming(config: { provider: string; api?: unknown }): boolean {
  return !(config.provider === "ai21" && (config.api === "complete" || config.api === "chat"));
}

/** The models a user may choose from, safe for the browser. */
export async function listModelOptions(user: ModelUser): Promise<ModelOption[]> {
  const [rows, privacy] = await Promise.all([findUsableModels(user), getPrivacySettings()]);
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

/** The default model if this user may use it, else the first one they may use, else null. */
export async function getDefaultModelId(user: ModelUser): Promise<string | null> {
  const rows = await findUsableModels(user);
  return (rows.find((row) => row.isDefault) ?? rows[0])?.id ?? null;
}

/** The model with its secrets decrypted; null when it is unknown, disabled or not allowed for this user. */
export async function getChatModel(user: ModelUser, modelId: string): Promise<ChatModel | null> {
  const row = await findUsableModel(user, modelId);
  return row && chatModelFromRow(row);
}

/** The model ready to call, whether enabled or not and whoever may use it: for the admin's Test. */
export async function getModelForTest(modelId: string): Promise<ChatModel | null> {
  const row = await findModel(modelId);
  return row && chatModelFromRow(row);
}

/** A stored model as the server calls it, secrets decrypted; throws when the row no longer validates. */
function chatModelFromRow(row: CallableModelRow): ChatModel {
  const stored = readStoredConfig(row.id, row.config);
  const parsed = modelConfigSchema.safeParse({
    ...stored.connection,
    provider: row.provider,
    endpoint: row.endpoint,
    ...openModelSecrets(row.id, row.encryptedSecrets),
  });
  if (!parsed.success) throw new Error(`Model ${JSON.stringify(row.id)} has an invalid stored config: ${z.prettifyError(parsed.error)}`);
  const config: ModelConfig = parsed.data;
  const prices = { inputPricePerMTok: row.inputPricePerMTok, outputPricePerMTok: row.outputPricePerMTok };
  return { id: row.id, name: row.name, provider: config.provider, config, defaults: stored.defaults, streaming: supportsStreaming(config), prices };
}
