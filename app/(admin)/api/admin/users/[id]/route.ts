import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { changeUserRole, changeUserStatus, deleteUserWithData, LastAdminError } from "@/lib/db/admin-users";
import { isRecordNotFound } from "@/lib/db/errors";
import { getUserById } from "@/lib/db/users";
import { deleteUserBodySchema, updateUserBodySchema, userParamsSchema } from "../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const LAST_ADMIN_MESSAGE = "This is the last active administrator. Make someone else an administrator first.";

function refusedForSelf(what: string) {
  return new ApiError("bad_request", `You cannot ${what} your own account. Ask another administrator.`);
}

/** Changes a user's role ({ role }) or disables / enables them ({ status }); disabling ends their sessions at once. */
export const PATCH = route({ auth: "admin", params: userParamsSchema, body: updateUserBodySchema }, async ({ request, user: admin, params, body }) => {
  const target = await getUserById({ id: params.id });
  if (!target) throw new ApiError("not_found", "This user no longer exists.");
  try {
    if ("role" in body) {
      if (target.id === admin.id && body.role !== "admin") throw refusedForSelf("demote");
      const user = await changeUserRole({ id: target.id, role: body.role });
      await auditRequest(request, { action: "user.role_changed", actorId: admin.id, target: user.id, details: { from: target.role, to: user.role } });
      return apiJson({ user: { id: user.id, role: user.role, status: user.status } });
    }
    if (target.id === admin.id && body.status !== "active") throw refusedForSelf("disable");
    if (target.status === "pending" && body.status === "active") throw new ApiError("bad_request", "Approve a pending user instead of enabling them.");
    const user = await changeUserStatus({ id: target.id, status: body.status });
    await auditRequest(request, { action: "user.status_changed", actorId: admin.id, target: user.id, details: { from: target.status, to: user.status } });
    return apiJson({ user: { id: user.id, role: user.role, status: user.status } });
  } catch (error) {
    if (error instanceof LastAdminError) throw new ApiError("bad_request", LAST_ADMIN_MESSAGE);
    if (isRecordNotFound(error)) throw new ApiError("not_found", "This user no longer exists.");
    throw error;
  }
});

/** Deletes the user and all their data in one transaction; the body must repeat their email ({ confirmEmail }). */
export const DELETE = route({ auth: "admin", params: userParamsSchema, body: deleteUserBodySchema }, async ({ request, user: admin, params, body }) => {
  if (params.id === admin.id) throw refusedForSelf("delete");
  const target = await getUserById({ id: params.id });
  if (!target) throw new ApiError("not_found", "This user no longer exists.");
  if (body.confirmEmail !== target.email) throw new ApiError("bad_request", "The email typed does not match this user's email.");
  try {
    await deleteUserWithData({ id: target.id });
  } catch (error) {
    if (error instanceof LastAdminError) throw new ApiError("bad_request", LAST_ADMIN_MESSAGE);
    if (isRecordNotFound(error)) throw new ApiError("not_found", "This user no longer exists.");
    throw error;
  }
  // The email is personal data of someone now deleted: the entry names the id and role only.
  await auditRequest(request, { action: "user.deleted", actorId: admin.id, target: target.id, details: { role: target.role } });
  return apiJson({ deleted: true });
});
