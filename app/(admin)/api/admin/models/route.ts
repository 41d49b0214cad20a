import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { isDefaultFromFile } from "@/lib/db/admin-models";
import { isUniqueViolation } from "@/lib/db/errors";
import { auditModelWrite } from "@/lib/models/admin-model-audit";
import { prepareModelWrite } from "@/lib/models/admin-model-write";
import { createAdminModel, DEFAULT_FROM_FILE, FILE_MANAGED_MESSAGE, getAdminModel, listAdminModels } from "@/lib/models/admin-models";
import { createModelSchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Every model, secrets shown only as "set" / "not set". */
export const GET = route({ auth: "admin" }, async () => apiJson({ models: await listAdminModels() }));

/** A new database model. */
export const POST = route({ auth: "admin", body: createModelSchema }, async ({ request, user, body }) => {
  const { id, ...changes } = body;
  const existing = await getAdminModel(id);
  if (existing) throw new ApiError("conflict", existing.managedByFile ? FILE_MANAGED_MESSAGE : `A model with the id "${id}" already exists.`);
  const prepared = await prepareModelWrite(id, changes, null);
  if (!prepared.ok) throw new ApiError("bad_request", prepared.message);
  if (prepared.write.isDefault && (await isDefaultFromFile())) throw new ApiError("conflict", DEFAULT_FROM_FILE);
  try {
    await createAdminModel(id, prepared.write);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("conflict", `A model with the id "${id}" already exists.`);
    throw error;
  }
  await auditModelWrite(request, user.id, id, prepared, true);
  return apiJson({ model: await getAdminModel(id) }, { status: 201 });
});
