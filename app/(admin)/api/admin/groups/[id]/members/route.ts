import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { addGroupMember, getGroupById, listGroupMembers } from "@/lib/db/groups";
import { getUserById } from "@/lib/db/users";
import { addMemberBodySchema, groupParamsSchema } from "../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = route({ auth: "admin", params: groupParamsSchema }, async ({ params }) => {
  if (!(await getGroupById({ id: params.id }))) throw new ApiError("not_found", "This group no longer exists.");
  return apiJson({ members: await listGroupMembers({ groupId: params.id }) });
});

/** Adds a member by hand (kept across sign-ins); a group mapped to admin makes them admin at once. */
export const POST = route({ auth: "admin", params: groupParamsSchema, body: addMemberBodySchema }, async ({ request, user: admin, params, body }) => {
  const group = await getGroupById({ id: params.id });
  if (!group) throw new ApiError("not_found", "This group no longer exists.");
  if (!(await getUserById({ id: body.userId }))) throw new ApiError("not_found", "This user no longer exists.");
  await addGroupMember({ groupId: group.id, userId: body.userId });
  await auditRequest(request, { action: "group.member_added", actorId: admin.id, target: group.id, details: { userId: body.userId } });
  return apiJson({ members: await listGroupMembers({ groupId: group.id }) }, { status: 201 });
});
