import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { moveAdminModel } from "@/lib/db/admin-models";
import { FILE_MANAGED_MESSAGE, getAdminModel, listAdminModels } from "@/lib/models/admin-models";
import { MODEL_NOT_FOUND, modelParamsSchema, moveModelSchema } from "../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Moves a database model one place up or down in the Model picker; answers with the new order. */
export const POST = route(
  { auth: "admin", params: modelParamsSchema, invalid: { params: new ApiError("not_found", MODEL_NOT_FOUND) }, body: moveModelSchema },
  async ({ request, user, params: { id }, body }) => {
    const current = await getAdminModel(id);
    if (!current) throw new ApiError("not_found", MODEL_NOT_FOUND);
    if (current.managedByFile) throw new ApiError("conflict", FILE_MANAGED_MESSAGE);
    const moved = await moveAdminModel(id, body.direction);
    if (!moved) throw new ApiError("bad_request", `This model is already the ${body.direction === "up" ? "first" : "last"} one.`);
    await auditRequest(request, { action: "model.updated", actorId: user.id, target: id, details: { fields: ["sortOrder"], direction: body.direction } });
    return apiJson({ order: (await listAdminModels()).map((model) => model.id) });
  },
);
