import { auditRequest } from "@/lib/api/audit";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { removeGroupMember } from "@/lib/db/groups";
import { userIdSchema } from "../../../../users/schema";
import { groupIdSchema } from "../../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Removes a membership; an IdP membership comes back at the member's next sign-in if the claim still has it. */
export const DELETE = withAdmin<{ params: Promise<{ id: string; userId: string }> }>(async ({ request, user: admin, context }) => {
  const params = await context.params;
  const groupId = groupIdSchema.safeParse(params.id);
  const userId = userIdSchema.safeParse(params.userId);
  if (!groupId.success || !userId.success) return apiError("bad_request", "The group or user id is not valid.");
  if (!(await removeGroupMember({ groupId: groupId.data, userId: userId.data }))) return apiError("not_found", "This user is not a member of the group.");
  await auditRequest(request, { action: "group.member_removed", actorId: admin.id, target: groupId.data, details: { userId: userId.data } });
  return apiJson({ removed: true });
});
