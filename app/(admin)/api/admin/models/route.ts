import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";
import { isUniqueViolation } from "@/lib/db/errors";
import { createAdminModel, getAdminModel, isDefaultFromFile, listAdminModels } from "@/lib/db/admin-models";
import { auditModelWrite } from "@/lib/models/admin-model-audit";
import { DEFAULT_FROM_FILE, FILE_MANAGED_MESSAGE } from "@/lib/models/file-managed";
import { prepareModelWrite } from "@/lib/models/admin-model-write";
import { createModelSchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Every model, secrets shown only as "set" / "not set". */
export const GET = withAdmin(async () => apiJson({ models: await listAdminModels() }));

/** A new database model. */
export const POST = withAdmin(async ({ request, user }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = createModelSchema.safeParse(body.value);
  if (!input.success) return apiError("bad_request", firstIssueMessage(input.error));
  const { id, ...changes } = input.data;
  const existing = await getAdminModel(id);
  if (existing) return apiError("conflict", existing.managedByFile ? FILE_MANAGED_MESSAGE : `A model with the id "${id}" already exists.`);
  const prepared = await prepareModelWrite(id, changes, null);
  if (!prepared.ok) return apiError("bad_request", prepared.message);
  if (prepared.write.isDefault && (await isDefaultFromFile())) return apiError("conflict", DEFAULT_FROM_FILE);
  try {
    await createAdminModel(id, prepared.write);
  } catch (error) {
    if (isUniqueViolation(error)) return apiError("conflict", `A model with the id "${id}" already exists.`);
    throw error;
  }
  await auditModelWrite(request, user.id, id, prepared, true);
  return apiJson({ model: await getAdminModel(id) }, { status: 201 });
});
