import type { AdminModel } from "@/lib/models/admin-models";
import { type SecretField, secretFieldsFor } from "@/lib/models/model-secrets-fields";
import type { PrivacyPolicyOverride } from "@/lib/privacy/policy";
import { privacyPolicyOverrideSchema } from "@/lib/privacy/policy-schema";
import type { CategoryOverrides } from "./privacy-override-fields";
import { type ConnectionValues, FIELDS_BY_PROVIDER, PROVIDER_IDS, type ProviderId, SELECT_DEFAULTS } from "./provider-fields";

/** Everything the model form edits, as the inputs hold it (text). */
export interface ModelFormValues {
  id: string;
  name: string;
  provider: ProviderId;
  connection: ConnectionValues;
  secrets: Record<SecretField, string>;
  clearSecrets: SecretField[];
  maxOutputTokens: string;
  contextWindow: string;
  temperature: string;
  systemPrompt: string;
  inputPrice: string;
  outputPrice: string;
  restricted: boolean;
  groupIds: string[];
  enabled: boolean;
  /** The model's own privacy action per category (config `privacy.byCategory`); absent: as its boundary. */
  privacy: CategoryOverrides;
}

const SHOWN_FIELDS = new Set(Object.values(FIELDS_BY_PROVIDER).flatMap((fields) => fields.map((field) => field.name)));

/** The model's stored override as MODELS_FILE accepts it; one that does not parse is treated as none. */
function storedPrivacy(model: AdminModel | null): PrivacyPolicyOverride {
  const parsed = privacyPolicyOverrideSchema.safeParse(model?.connection.privacy);
  return parsed.success ? parsed.data : {};
}

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));

export function initialFormValues(model: AdminModel | null): ModelFormValues {
  const provider = (model && PROVIDER_IDS.includes(model.provider as ProviderId) ? model.provider : "openai-compatible") as ProviderId;
  const connection: ConnectionValues = { ...SELECT_DEFAULTS[provider] };
  if (model) {
    connection.endpoint = model.endpoint;
    for (const [key, value] of Object.entries(model.connection)) if (SHOWN_FIELDS.has(key)) connection[key] = text(value);
  }
  return {
    id: model?.id ?? "",
    name: model?.name ?? "",
    provider,
    connection,
    secrets: { apiKey: "", clientSecret: "" },
    clearSecrets: [],
    maxOutputTokens: text(model?.defaults.maxOutputTokens),
    contextWindow: text(model?.defaults.contextWindow),
    temperature: text(model?.defaults.temperature),
    systemPrompt: model?.defaults.systemPrompt ?? "",
    inputPrice: text(model?.inputPricePerMTok),
    outputPrice: text(model?.outputPricePerMTok),
    restricted: (model?.accessGroups.length ?? 0) > 0,
    groupIds: model?.accessGroups.map((group) => group.id) ?? [],
    enabled: model?.enabled ?? true,
    privacy: { ...storedPrivacy(model).byCategory },
  };
}

/** A suggested id for a new model's name: "Llama 2 (vLLM)" → "llama-2-vllm". */
export function slugFromName(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}

type Built = { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

function number(label: string, value: string, { integer }: { integer: boolean }): number | undefined | string {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  const parsed = Number(trimmed);
  if (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) return `${label} must be ${integer ? "a whole number" : "a number"}.`;
  return parsed;
}

/**
 * The request body for POST (create) or PATCH (edit) /api/admin/models. The server checks everything again; this only
 * turns text into numbers and keeps the connection's fields the form does not show (timeouts...) on an edit.
 */
export function buildModelBody(values: ModelFormValues, model: AdminModel | null): Built {
  const numbers = {
    maxOutputTokens: number("Max output tokens", values.maxOutputTokens, { integer: true }),
    contextWindow: number("Context window", values.contextWindow, { integer: true }),
    temperature: number("Temperature", values.temperature, { integer: false }),
    inputPricePerMTok: number("The input price", values.inputPrice, { integer: false }),
    outputPricePerMTok: number("The output price", values.outputPrice, { integer: false }),
  };
  const problem = Object.values(numbers).find((value) => typeof value === "string");
  if (typeof problem === "string") return { ok: false, message: problem };
  const num = (value: number | undefined | string) => value as number | undefined;

  const keep =
    model && model.provider === values.provider ? Object.fromEntries(Object.entries(model.connection).filter(([key]) => !SHOWN_FIELDS.has(key))) : {};
  const shown = FIELDS_BY_PROVIDER[values.provider].filter((field) => !field.when || field.when(values.connection));
  const config: Record<string, unknown> = { ...keep, provider: values.provider };
  for (const field of shown) {
    const value = values.connection[field.name]?.trim();
    if (value) config[field.name] = value;
  }
  for (const field of secretFieldsFor({ provider: values.provider, auth: values.connection.auth })) config[field] = values.secrets[field];
  // The categories chosen here; per-type rules and minConfidence (set in MODELS_FILE or the API) are kept as they were.
  const { byCategory: _stored, ...otherRules } = storedPrivacy(model);
  const privacy: PrivacyPolicyOverride = { ...otherRules, ...(Object.keys(values.privacy).length ? { byCategory: values.privacy } : {}) };
  if (Object.keys(privacy).length) config.privacy = privacy;
  else delete config.privacy;

  const defaults = {
    ...(num(numbers.temperature) === undefined ? {} : { temperature: num(numbers.temperature) }),
    ...(num(numbers.maxOutputTokens) === undefined ? {} : { maxOutputTokens: num(numbers.maxOutputTokens) }),
    ...(num(numbers.contextWindow) === undefined ? {} : { contextWindow: num(numbers.contextWindow) }),
    ...(values.systemPrompt.trim() ? { systemPrompt: values.systemPrompt } : {}),
  };
  if (values.restricted && values.groupIds.length === 0) return { ok: false, message: "Choose at least one group, or let everyone use the model." };
  const body: Record<string, unknown> = {
    name: values.name,
    config,
    defaults,
    inputPricePerMTok: num(numbers.inputPricePerMTok) ?? null,
    outputPricePerMTok: num(numbers.outputPricePerMTok) ?? null,
    accessGroupIds: values.restricted ? values.groupIds : [],
    enabled: values.enabled,
  };
  if (values.clearSecrets.length) body.clearSecrets = values.clearSecrets;
  if (!model) body.id = values.id;
  return { ok: true, body };
}
