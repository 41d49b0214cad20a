import { auditRequest } from "@/lib/api/audit";
import { parseJsonBody } from "@/lib/api/parse-body";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { isUniqueViolation } from "@/lib/db/errors";
import { createLocalGroup, listGroups } from "@/lib/db/groups";
import { createGroupBodySchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withAdmin(async () => apiJson({ groups: await listGroups() }));

/** Creates a local group (groups from the identity provider appear on their own at sign-in). */
export const POST = withAdmin(async ({ request, user: admin }) => {
  const body = await parseJsonBody(request, createGroupBodySchema);
  if ("error" in body) return body.error;
  try {
    const group = await createLocalGroup(body.data);
    await auditRequest(request, { action: "group.created", actorId: admin.id, target: group.id, details: { name: group.name, role: group.role } });
    return apiJson({ group }, { status: 201 });
  } catch (error) {
    if (isUniqueViolation(error)) return apiError("bad_request", "A group with this name already exists.");
    throw error;
  }
});
