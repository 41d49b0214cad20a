import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { changeUserStatus } from "@/lib/db/admin-users";
import { getUserById } from "@/lib/db/users";
import { userParamsSchema } from "../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Lets a pending user in: they can sign in from now on. */
export const POST = route({ auth: "admin", params: userParamsSchema }, async ({ request, user: admin, params }) => {
  const target = await getUserById({ id: params.id });
  if (!target) throw new ApiError("not_found", "This user no longer exists.");
  if (target.status !== "pending") throw new ApiError("bad_request", "This user is not waiting for approval.");
  const user = await changeUserStatus({ id: target.id, status: "active" });
  await auditRequest(request, { action: "user.approved", actorId: admin.id, target: user.id });
  return apiJson({ user: { id: user.id, role: user.role, status: user.status } });
});
