import { apiError, apiJson } from "@/lib/api/responses";
import { auditRequest } from "@/lib/api/audit";
import { withAdmin } from "@/lib/api/with-auth";
import { firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";
import { deleteAdminModel, getAdminModel, isDefaultFromFile, isModelInUse, updateAdminModel } from "@/lib/db/admin-models";
import { auditModelWrite } from "@/lib/models/admin-model-audit";
import { prepareModelWrite } from "@/lib/models/admin-model-write";
import { DEFAULT_FROM_FILE, FILE_MANAGED_MESSAGE } from "@/lib/models/file-managed";
import { updateModelSchema } from "../schema";
import { type ModelRouteContext, modelIdFrom } from "./params";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const NOT_FOUND = "This model does not exist.";

export const GET = withAdmin<ModelRouteContext>(async ({ context }) => {
  const id = await modelIdFrom(context);
  const model = id && (await getAdminModel(id));
  return model ? apiJson({ model }) : apiError("not_found", NOT_FOUND);
});

/** Changes any of a database model's settings: connection, secrets, limits, prices, access, enabled, default. */
export const PATCH = withAdmin<ModelRouteContext>(async ({ request, user, context }) => {
  const id = await modelIdFrom(context);
  if (!id) return apiError("not_found", NOT_FOUND);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = updateModelSchema.safeParse(body.value);
  if (!input.success) return apiError("bad_request", firstIssueMessage(input.error));
  const current = await getAdminModel(id);
  if (!current) return apiError("not_found", NOT_FOUND);
  if (current.managedByFile) return apiError("conflict", FILE_MANAGED_MESSAGE);
  const prepared = await prepareModelWrite(id, input.data, current);
  if (!prepared.ok) return apiError("bad_request", prepared.message);
  if (prepared.write.isDefault && !current.isDefault && (await isDefaultFromFile())) return apiError("conflict", DEFAULT_FROM_FILE);
  await updateAdminModel(id, prepared.write);
  await auditModelWrite(request, user.id, id, prepared, false);
  return apiJson({ model: await getAdminModel(id) });
});

/**
 * Deletes a database model that nothing refers to yet (e.g. one added by mistake). Once conversations or usage records
 * name it, deleting would blank the model on them and on the usage and cost reports: disable it instead (409).
 */
export const DELETE = withAdmin<ModelRouteContext>(async ({ request, user, context }) => {
  const id = await modelIdFrom(context);
  const current = id && (await getAdminModel(id));
  if (!id || !current) return apiError("not_found", NOT_FOUND);
  if (current.managedByFile) return apiError("conflict", FILE_MANAGED_MESSAGE);
  if (await isModelInUse(id)) {
    return apiError("conflict", "Conversations or usage records refer to this model, so it cannot be deleted: disable it instead.");
  }
  await deleteAdminModel(id);
  await auditRequest(request, { action: "model.deleted", actorId: user.id, target: id, details: { name: current.name } });
  return apiJson({ deleted: id });
});
