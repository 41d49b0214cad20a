import { auditRequest } from "@/lib/api/audit";
import { parseJsonBody } from "@/lib/api/parse-body";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { isUniqueViolation } from "@/lib/db/errors";
import { deleteGroup, getGroupById, updateGroup } from "@/lib/db/groups";
import { groupIdSchema, updateGroupBodySchema } from "../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

/** Renames a local group or maps any group to a role ({ role: "admin" | "user" | "none" }). */
export const PATCH = withAdmin<Context>(async ({ request, user: admin, context }) => {
  const id = groupIdSchema.safeParse((await context.params).id);
  if (!id.success) return apiError("bad_request", "The group id is not valid.");
  const body = await parseJsonBody(request, updateGroupBodySchema);
  if ("error" in body) return body.error;
  const group = await getGroupById({ id: id.data });
  if (!group) return apiError("not_found", "This group no longer exists.");
  if (body.data.name !== undefined && body.data.name !== group.name && group.source === "idp") {
    return apiError("bad_request", "Groups from the identity provider keep the name it sends.");
  }
  try {
    const updated = await updateGroup({ id: group.id, ...body.data });
    await auditRequest(request, {
      action: "group.updated",
      actorId: admin.id,
      target: group.id,
      details: { name: updated.name, ...(body.data.role !== undefined && { roleFrom: group.role, roleTo: updated.role }) },
    });
    return apiJson({ group: updated });
  } catch (error) {
    if (isUniqueViolation(error)) return apiError("bad_request", "A group with this name already exists.");
    throw error;
  }
});

/** Deletes a local group and its memberships; an IdP group would come back at the next sign-in, so it stays. */
export const DELETE = withAdmin<Context>(async ({ request, user: admin, context }) => {
  const id = groupIdSchema.safeParse((await context.params).id);
  if (!id.success) return apiError("bad_request", "The group id is not valid.");
  const group = await getGroupById({ id: id.data });
  if (!group) return apiError("not_found", "This group no longer exists.");
  if (group.source === "idp") return apiError("bad_request", "Groups from the identity provider cannot be deleted here.");
  await deleteGroup({ id: group.id });
  await auditRequest(request, { action: "group.deleted", actorId: admin.id, target: group.id, details: { name: group.name } });
  return apiJson({ deleted: true });
});
