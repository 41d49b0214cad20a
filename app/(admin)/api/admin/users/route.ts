import { randomBytes } from "node:crypto";
import { auditRequest } from "@/lib/api/audit";
import { parseJsonBody } from "@/lib/api/parse-body";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { hashPassword } from "@/lib/auth/password";
import { listUsersForAdmin } from "@/lib/db/admin-users";
import { isUniqueViolation } from "@/lib/db/errors";
import { createUser, getUserByEmail } from "@/lib/db/users";
import { createUserBodySchema, listUsersQuerySchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Users for the admin list: ?query= (name or email), ?role=, ?status=, ?page= (25 a page). */
export const GET = withAdmin(async ({ request }) => {
  const query = listUsersQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError("bad_request", query.error.issues[0]?.message ?? "The filters are not valid.");
  return apiJson(await listUsersForAdmin(query.data));
});

/**
 * Pre-creates a local account. Without a password in the request one is generated and returned in this response
 * only; it is never stored in clear nor logged.
 */
export const POST = withAdmin(async ({ request, user: admin }) => {
  const body = await parseJsonBody(request, createUserBodySchema);
  if ("error" in body) return body.error;
  const { email, name, role } = body.data;
  if (await getUserByEmail({ email })) return apiError("bad_request", "A user with this email already exists.");
  const generatedPassword = body.data.password ? null : randomBytes(12).toString("base64url");
  try {
    const user = await createUser({
      email,
      name: name || null,
      role,
      passwordHash: await hashPassword(body.data.password ?? generatedPassword ?? ""),
      mayBecomeFirstAdmin: false,
    });
    await auditRequest(request, { action: "user.created", actorId: admin.id, target: user.id, details: { role, method: "password", passwordGenerated: generatedPassword !== null } });
    return apiJson({ user: { id: user.id, email: user.email, name: user.name, role: user.role, status: user.status }, generatedPassword }, { status: 201 });
  } catch (error) {
    if (isUniqueViolation(error)) return apiError("bad_request", "A user with this email already exists.");
    throw error;
  }
});
