import { randomBytes } from "node:crypto";
import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { hashPassword } from "@/lib/auth/password";
import { listUsersForAdmin } from "@/lib/db/admin-users";
import { isUniqueViolation } from "@/lib/db/errors";
import { createUser, getUserByEmail } from "@/lib/db/users";
import { createUserBodySchema, listUsersQuerySchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Users for the admin list: ?query= (name or email), ?role=, ?status=, ?page= (25 a page). */
export const GET = route({ auth: "admin", query: listUsersQuerySchema }, async ({ query }) => apiJson(await listUsersForAdmin(query)));

/**
 * Pre-creates a local account. Without a password in the request one is generated and returned in this response
 * only; it is never stored in clear nor logged.
 */
export const POST = route({ auth: "admin", body: createUserBodySchema }, async ({ request, user: admin, body }) => {
  const { email, name, role } = body;
  if (await getUserByEmail({ email })) throw new ApiError("bad_request", "A user with this email already exists.");
  const generatedPassword = body.password ? null : randomBytes(12).toString("base64url");
  try {
    const user = await createUser({
      email,
      name: name || null,
      role,
      passwordHash: await hashPassword(body.password ?? generatedPassword ?? ""),
      mayBecomeFirstAdmin: false,
    });
    await auditRequest(request, {
      action: "user.created",
      actorId: admin.id,
      target: user.id,
      details: { role, method: "password", passwordGenerated: generatedPassword !== null },
    });
    return apiJson({ user: { id: user.id, email: user.email, name: user.name, role: user.role, status: user.status }, generatedPassword }, { status: 201 });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("bad_request", "A user with this email already exists.");
    throw error;
  }
});
