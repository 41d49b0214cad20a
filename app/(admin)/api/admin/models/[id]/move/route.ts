import { apiError, apiJson } from "@/lib/api/responses";
import { auditRequest } from "@/lib/api/audit";
import { withAdmin } from "@/lib/api/with-auth";
import { firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";
import { getAdminModel, listAdminModels, moveAdminModel } from "@/lib/db/admin-models";
import { FILE_MANAGED_MESSAGE } from "@/lib/models/file-managed";
import { moveModelSchema } from "../../schema";
import { type ModelRouteContext, modelIdFrom } from "../params";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Moves a database model one place up or down in the Model picker; answers with the new order. */
export const POST = withAdmin<ModelRouteContext>(async ({ request, user, context }) => {
  const id = await modelIdFrom(context);
  if (!id) return apiError("not_found", "This model does not exist.");
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = moveModelSchema.safeParse(body.value);
  if (!input.success) return apiError("bad_request", firstIssueMessage(input.error));
  const current = await getAdminModel(id);
  if (!current) return apiError("not_found", "This model does not exist.");
  if (current.managedByFile) return apiError("conflict", FILE_MANAGED_MESSAGE);
  const moved = await moveAdminModel(id, input.data.direction);
  if (!moved) return apiError("bad_request", `This model is already the ${input.data.direction === "up" ? "first" : "last"} one.`);
  await auditRequest(request, { action: "model.updated", actorId: user.id, target: id, details: { fields: ["sortOrder"], direction: input.data.direction } });
  return apiJson({ order: (await listAdminModels()).map((model) => model.id) });
});
