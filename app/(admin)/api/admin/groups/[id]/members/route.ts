import { auditRequest } from "@/lib/api/audit";
import { parseJsonBody } from "@/lib/api/parse-body";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { addGroupMember, getGroupById, listGroupMembers } from "@/lib/db/groups";
import { getUserById } from "@/lib/db/users";
import { addMemberBodySchema, groupIdSchema } from "../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

export const GET = withAdmin<Context>(async ({ context }) => {
  const id = groupIdSchema.safeParse((await context.params).id);
  if (!id.success) return apiError("bad_request", "The group id is not valid.");
  if (!(await getGroupById({ id: id.data }))) return apiError("not_found", "This group no longer exists.");
  return apiJson({ members: await listGroupMembers({ groupId: id.data }) });
});

/** Adds a member by hand (kept across sign-ins); a group mapped to admin makes them admin at once. */
export const POST = withAdmin<Context>(async ({ request, user: admin, context }) => {
  const id = groupIdSchema.safeParse((await context.params).id);
  if (!id.success) return apiError("bad_request", "The group id is not valid.");
  const body = await parseJsonBody(request, addMemberBodySchema);
  if ("error" in body) return body.error;
  const group = await getGroupById({ id: id.data });
  if (!group) return apiError("not_found", "This group no longer exists.");
  if (!(await getUserById({ id: body.data.userId }))) return apiError("not_found", "This user no longer exists.");
  await addGroupMember({ groupId: group.id, userId: body.data.userId });
  await auditRequest(request, { action: "group.member_added", actorId: admin.id, target: group.id, details: { userId: body.data.userId } });
  return apiJson({ members: await listGroupMembers({ groupId: group.id }) }, { status: 201 });
});
