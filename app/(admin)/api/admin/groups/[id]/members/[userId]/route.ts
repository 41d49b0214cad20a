import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { removeGroupMember } from "@/lib/db/groups";
import { memberParamsSchema } from "../../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Removes a membership; an IdP membership comes back at the member's next sign-in if the claim still has it. */
export const DELETE = route(
  { auth: "admin", params: memberParamsSchema, invalid: { params: new ApiError("bad_request", "The group or user id is not valid.") } },
  async ({ request, user: admin, params }) => {
    if (!(await removeGroupMember({ groupId: params.id, userId: params.userId }))) throw new ApiError("not_found", "This user is not a member of the group.");
    await auditRequest(request, { action: "group.member_removed", actorId: admin.id, target: params.id, details: { userId: params.userId } });
    return apiJson({ removed: true });
  },
);
