import "server-only";
import { auditRequest } from "@/lib/api/audit";
import type { PreparedWrite } from "./admin-model-write";

type Prepared = Extract<PreparedWrite, { ok: true }>;

/** One entry per kind of change: settings, credentials (which field, never the value) and who may use the model. */
export async function auditModelWrite(request: Request, actorId: string, modelId: string, prepared: Prepared, created: boolean): Promise<void> {
  if (created) {
    await auditRequest(request, { action: "model.created", actorId, target: modelId, details: { provider: prepared.write.config.provider } });
  } else if (prepared.changed.length) {
    await auditRequest(request, { action: "model.updated", actorId, target: modelId, details: { fields: prepared.changed } });
  }
  if (prepared.secretsChanged.length) {
    await auditRequest(request, { action: "model.key_changed", actorId, target: modelId, details: { fields: prepared.secretsChanged } });
  }
  if (prepared.accessChanged) {
    const groups = prepared.accessChanged;
    await auditRequest(request, { action: "model.access_changed", actorId, target: modelId, details: { groups, everyone: groups.length === 0 } });
  }
}
