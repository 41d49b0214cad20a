import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { isUniqueViolation } from "@/lib/db/errors";
import { deleteGroup, getGroupById, updateGroup } from "@/lib/db/groups";
import { groupParamsSchema, updateGroupBodySchema } from "../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Renames a local group, maps any group to a role ({ role: "admin" | "user" | "none" }) or lets its members run evaluations ({ evaluator }). */
export const PATCH = route({ auth: "admin", params: groupParamsSchema, body: updateGroupBodySchema }, async ({ request, user: admin, params, body }) => {
  const group = await getGroupById({ id: params.id });
  if (!group) throw new ApiError("not_found", "This group no longer exists.");
  if (body.name !== undefined && body.name !== group.name && group.source === "idp") {
    throw new ApiError("bad_request", "Groups from the identity provider keep the name it sends.");
  }
  try {
    const updated = await updateGroup({ id: group.id, ...body });
    await auditRequest(request, {
      action: "group.updated",
      actorId: admin.id,
      target: group.id,
      details: {
        name: updated.name,
        ...(body.role !== undefined && { roleFrom: group.role, roleTo: updated.role }),
        ...(body.evaluator !== undefined && { evaluator: updated.evaluator }),
      },
    });
    return apiJson({ group: updated });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("bad_request", "A group with this name already exists.");
    throw error;
  }
});

/** Deletes a local group and its memberships; an IdP group would come back at the next sign-in, so it stays. */
export const DELETE = route({ auth: "admin", params: groupParamsSchema }, async ({ request, user: admin, params }) => {
  const group = await getGroupById({ id: params.id });
  if (!group) throw new ApiError("not_found", "This group no longer exists.");
  if (group.source === "idp") throw new ApiError("bad_request", "Groups from the identity provider cannot be deleted here.");
  await deleteGroup({ id: group.id });
  await auditRequest(request, { action: "group.deleted", actorId: admin.id, target: group.id, details: { name: group.name } });
  return apiJson({ deleted: true });
});
