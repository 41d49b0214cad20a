import { auditRequest } from "@/lib/api/audit";
import { isRecordNotFound, parseJsonBody } from "@/lib/api/parse-body";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { changeUserRole, changeUserStatus, deleteUserWithData, LastAdminError } from "@/lib/db/admin-users";
import { getUserById } from "@/lib/db/users";
import { deleteUserBodySchema, updateUserBodySchema, userIdSchema } from "../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

const LAST_ADMIN_MESSAGE = "This is the last active administrator. Make someone else an administrator first.";

function refusedForSelf(what: string) {
  return apiError("bad_request", `You cannot ${what} your own account. Ask another administrator.`);
}

/** Changes a user's role ({ role }) or disables / enables them ({ status }); disabling ends their sessions at once. */
export const PATCH = withAdmin<Context>(async ({ request, user: admin, context }) => {
  const id = userIdSchema.safeParse((await context.params).id);
  if (!id.success) return apiError("bad_request", "The user id is not valid.");
  const body = await parseJsonBody(request, updateUserBodySchema);
  if ("error" in body) return body.error;
  const target = await getUserById({ id: id.data });
  if (!target) return apiError("not_found", "This user no longer exists.");
  try {
    if ("role" in body.data) {
      if (target.id === admin.id && body.data.role !== "admin") return refusedForSelf("demote");
      const user = await changeUserRole({ id: target.id, role: body.data.role });
      await auditRequest(request, { action: "user.role_changed", actorId: admin.id, target: user.id, details: { from: target.role, to: user.role } });
      return apiJson({ user: { id: user.id, role: user.role, status: user.status } });
    }
    if (target.id === admin.id && body.data.status !== "active") return refusedForSelf("disable");
    if (target.status === "pending" && body.data.status === "active") return apiError("bad_request", "Approve a pending user instead of enabling them.");
    const user = await changeUserStatus({ id: target.id, status: body.data.status });
    await auditRequest(request, { action: "user.status_changed", actorId: admin.id, target: user.id, details: { from: target.status, to: user.status } });
    return apiJson({ user: { id: user.id, role: user.role, status: user.status } });
  } catch (error) {
    if (error instanceof LastAdminError) return apiError("bad_request", LAST_ADMIN_MESSAGE);
    if (isRecordNotFound(error)) return apiError("not_found", "This user no longer exists.");
    throw error;
  }
});

/** Deletes the user and all their data in one transaction; the body must repeat their email ({ confirmEmail }). */
export const DELETE = withAdmin<Context>(async ({ request, user: admin, context }) => {
  const id = userIdSchema.safeParse((await context.params).id);
  if (!id.success) return apiError("bad_request", "The user id is not valid.");
  const body = await parseJsonBody(request, deleteUserBodySchema);
  if ("error" in body) return body.error;
  if (id.data === admin.id) return refusedForSelf("delete");
  const target = await getUserById({ id: id.data });
  if (!target) return apiError("not_found", "This user no longer exists.");
  if (body.data.confirmEmail !== target.email) return apiError("bad_request", "The email typed does not match this user's email.");
  try {
    await deleteUserWithData({ id: target.id });
  } catch (error) {
    if (error instanceof LastAdminError) return apiError("bad_request", LAST_ADMIN_MESSAGE);
    if (isRecordNotFound(error)) return apiError("not_found", "This user no longer exists.");
    throw error;
  }
  // The email is personal data of someone now deleted: the entry names the id and role only.
  await auditRequest(request, { action: "user.deleted", actorId: admin.id, target: target.id, details: { role: target.role } });
  return apiJson({ deleted: true });
});
