import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { isUniqueViolation } from "@/lib/db/errors";
import { createLocalGroup, listGroups } from "@/lib/db/groups";
import { createGroupBodySchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = route({ auth: "admin" }, async () => apiJson({ groups: await listGroups() }));

/** Creates a local group (groups from the identity provider appear on their own at sign-in). */
export const POST = route({ auth: "admin", body: createGroupBodySchema }, async ({ request, user: admin, body }) => {
  try {
    const group = await createLocalGroup(body);
    await auditRequest(request, { action: "group.created", actorId: admin.id, target: group.id, details: { name: group.name, role: group.role } });
    return apiJson({ group }, { status: 201 });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("bad_request", "A group with this name already exists.");
    throw error;
  }
});
