import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { deleteAdminModel, isDefaultFromFile, isModelInUse } from "@/lib/db/admin-models";
import { auditModelWrite } from "@/lib/models/admin-model-audit";
import { prepareModelWrite } from "@/lib/models/admin-model-write";
import { DEFAULT_FROM_FILE, FILE_MANAGED_MESSAGE, getAdminModel, updateAdminModel } from "@/lib/models/admin-models";
import { MODEL_NOT_FOUND, modelParamsSchema, updateModelSchema } from "../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const byId = { auth: "admin", params: modelParamsSchema, invalid: { params: new ApiError("not_found", MODEL_NOT_FOUND) } } as const;

export const GET = route(byId, async ({ params: { id } }) => {
  const model = await getAdminModel(id);
  if (!model) throw new ApiError("not_found", MODEL_NOT_FOUND);
  return apiJson({ model });
});

/** Changes any of a database model's settings: connection, secrets, limits, prices, access, enabled, default. */
export const PATCH = route({ ...byId, body: updateModelSchema }, async ({ request, user, params: { id }, body }) => {
  const current = await getAdminModel(id);
  if (!current) throw new ApiError("not_found", MODEL_NOT_FOUND);
  if (current.managedByFile) throw new ApiError("conflict", FILE_MANAGED_MESSAGE);
  const prepared = await prepareModelWrite(id, body, current);
  if (!prepared.ok) throw new ApiError("bad_request", prepared.message);
  if (prepared.write.isDefault && !current.isDefault && (await isDefaultFromFile())) throw new ApiError("conflict", DEFAULT_FROM_FILE);
  await updateAdminModel(id, prepared.write);
  await auditModelWrite(request, user.id, id, prepared, false);
  return apiJson({ model: await getAdminModel(id) });
});

/**
 * Deletes a database model that nothing refers to yet (e.g. one added by mistake). Once conversations or usage records
 * name it, deleting would blank the model on them and on the usage and cost reports: disable it instead (409).
 */
export const DELETE = route(byId, async ({ request, user, params: { id } }) => {
  const current = await getAdminModel(id);
  if (!current) throw new ApiError("not_found", MODEL_NOT_FOUND);
  if (current.managedByFile) throw new ApiError("conflict", FILE_MANAGED_MESSAGE);
  if (await isModelInUse(id)) {
    throw new ApiError("conflict", "Conversations or usage records refer to this model, so it cannot be deleted: disable it instead.");
  }
  await deleteAdminModel(id);
  await auditRequest(request, { action: "model.deleted", actorId: user.id, target: id, details: { name: current.name } });
  return apiJson({ deleted: id });
});
