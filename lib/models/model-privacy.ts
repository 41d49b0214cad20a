import "server-only";
import type { ModelProvider } from "@/lib/ai/model-config";
import { findAdminModelRows } from "@/lib/db/admin-models";
import { modelPrivacyFields } from "@/lib/privacy/model-policy";
import type { Boundary, PrivacyPolicyOverride } from "@/lib/privacy/policy";
import { storedConfigSchema } from "./stored-config";

// What the admin's privacy page shows of every model: its boundary and its own policy override, as configured.

export type ModelPrivacyRow = {
  id: string;
  name: string;
  enabled: boolean;
  provider: ModelProvider;
  /** As configured; null: the provider's default. */
  boundary: Boundary | null;
  override: PrivacyPolicyOverride | null;
};

export async function listModelPrivacy(): Promise<ModelPrivacyRow[]> {
  const rows = await findAdminModelRows();
  return rows.map((row) => {
    const stored = storedConfigSchema.safeParse(row.config);
    const fields = modelPrivacyFields(row.provider as ModelProvider, stored.success ? stored.data.connection : {});
    return { id: row.id, name: row.name, enabled: row.enabled, provider: fields.provider, boundary: fields.boundary ?? null, override: fields.privacy ?? null };
  });
}
