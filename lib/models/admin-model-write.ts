import "server-only";
import { findAccessGroups } from "@/lib/db/model-access";
import type { AdminModel, AdminModelWrite } from "@/lib/models/admin-models";
import { getStoredModelSecrets } from "@/lib/models/admin-models";
import { changedSecretFields, resolveAdminConfig } from "./admin-config";
import type { ModelDefaults } from "./model-defaults";
import { SECRET_FIELDS, type SecretField } from "./model-secrets-fields";

/** What an admin sent: every field optional on an edit (missing ones keep their value). */
export interface ModelChanges {
  name?: string;
  config?: Record<string, unknown> & { provider: string };
  clearSecrets?: SecretField[];
  defaults?: ModelDefaults;
  inputPricePerMTok?: number | null;
  outputPricePerMTok?: number | null;
  accessGroupIds?: string[];
  enabled?: boolean;
  isDefault?: boolean;
}

export type PreparedWrite =
  | {
      ok: true;
      write: AdminModelWrite;
      /** Names of the settings that changed (for the audit log). */
      changed: string[];
      secretsChanged: SecretField[];
      /** Group names when who may use it changed, else null. */
      accessChanged: string[] | null;
    }
  | { ok: false; message: string };

// Key order differs between a stored row and a parsed form, so compare with sorted keys.
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))) : item,
  );
}
const sameJson = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

const withoutSecrets = (config: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(config).filter(([key]) => !(SECRET_FIELDS as readonly string[]).includes(key)));

function configProblem(issue: { path: PropertyKey[]; code: string; message: string } | undefined): string {
  if (!issue) return "config: not valid.";
  if (issue.code === "custom") return issue.message;
  return `${["config", ...issue.path.map(String)].join(".")}: ${issue.message}`;
}

function currentConnection(current: AdminModel): Record<string, unknown> & { provider: string } {
  return { ...current.connection, provider: current.provider, endpoint: current.endpoint };
}

/**
 * Checks a create (current null) or an edit against the config schemas, merging in the stored secrets, and says what
 * changes. Nothing is written.
 */
export async function prepareModelWrite(modelId: string, changes: ModelChanges, current: AdminModel | null): Promise<PreparedWrite> {
  const form = changes.config ?? (current ? currentConnection(current) : null);
  if (!form) return { ok: false, message: "config: Required" };
  const storedSecrets = current ? await getStoredModelSecrets(modelId) : {};
  const config = resolveAdminConfig(form, storedSecrets, changes.clearSecrets);
  if (!config.success) return { ok: false, message: configProblem(config.error.issues[0]) };

  const accessGroupIds = [...new Set(changes.accessGroupIds ?? current?.accessGroups.map((group) => group.id) ?? [])];
  const groups = await findAccessGroups(accessGroupIds);
  if (groups.length !== accessGroupIds.length) return { ok: false, message: "accessGroupIds: a group does not exist (it may have been deleted)." };

  const write: AdminModelWrite = {
    name: changes.name ?? current?.name ?? "",
    config: config.data,
    defaults: changes.defaults ?? current?.defaults ?? {},
    inputPricePerMTok: changes.inputPricePerMTok !== undefined ? changes.inputPricePerMTok : (current?.inputPricePerMTok ?? null),
    outputPricePerMTok: changes.outputPricePerMTok !== undefined ? changes.outputPricePerMTok : (current?.outputPricePerMTok ?? null),
    accessGroupIds,
    enabled: changes.enabled ?? current?.enabled ?? true,
    isDefault: changes.isDefault ?? current?.isDefault ?? false,
  };
  if (write.isDefault && !write.enabled) {
    if (changes.isDefault) return { ok: false, message: "A disabled model cannot be the default: enable it first." };
    // Disabling the default model: it stops being the default.
    write.isDefault = false;
  }

  const before = current && {
    name: current.name,
    config: currentConnection(current),
    defaults: current.defaults,
    prices: [current.inputPricePerMTok, current.outputPricePerMTok],
    enabled: current.enabled,
    isDefault: current.isDefault,
  };
  const after = {
    name: write.name,
    config: withoutSecrets(config.data),
    defaults: write.defaults,
    prices: [write.inputPricePerMTok, write.outputPricePerMTok],
    enabled: write.enabled,
    isDefault: write.isDefault,
  };
  const changed = before
    ? Object.keys(after).filter((key) => !sameJson(before[key as keyof typeof before], after[key as keyof typeof after]))
    : Object.keys(after);
  const beforeGroups = current?.accessGroups.map((group) => group.id).sort() ?? [];
  const groupNames = groups.map((group) => group.name).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));

  return {
    ok: true,
    write,
    changed,
    secretsChanged: changedSecretFields(storedSecrets, config.data),
    accessChanged: sameJson(beforeGroups, [...accessGroupIds].sort()) ? null : groupNames,
  };
}
