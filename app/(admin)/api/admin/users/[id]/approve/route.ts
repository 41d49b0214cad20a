import { auditRequest } from "@/lib/api/audit";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { changeUserStatus } from "@/lib/db/admin-users";
import { getUserById } from "@/lib/db/users";
import { userIdSchema } from "../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Lets a pending user in: they can sign in from now on. */
export const POST = withAdmin<{ params: Promise<{ id: string }> }>(async ({ request, user: admin, context }) => {
  const id = userIdSchema.safeParse((await context.params).id);
  if (!id.success) return apiError("bad_request", "The user id is not valid.");
  const target = await getUserById({ id: id.data });
  if (!target) return apiError("not_found", "This user no longer exists.");
  if (target.status !== "pending") return apiError("bad_request", "This user is not waiting for approval.");
  const user = await changeUserStatus({ id: target.id, status: "active" });
  await auditRequest(request, { action: "user.approved", actorId: admin.id, target: user.id });
  return apiJson({ user: { id: user.id, role: user.role, status: user.status } });
});
