import { deleteAccountInputSchema } from "@/lib/account/schema";
import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { sessionCookieName } from "@/lib/auth/cookies";
import { deleteUserWithData, LastAdminError } from "@/lib/db/admin-users";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Deletes the signed-in user's account and everything that is theirs (local and SSO accounts alike; an SSO user who
 * signs in again starts afresh): body { email } typed by the user. The last active admin is refused.
 */
export const DELETE = route({ auth: "user", body: deleteAccountInputSchema }, async ({ request, user, body }) => {
  if (body.email.toLowerCase() !== user.email.toLowerCase()) throw new ApiError("bad_request", "The email address does not match your account.");
  try {
    await deleteUserWithData({ id: user.id });
  } catch (error) {
    if (error instanceof LastAdminError) {
      throw new ApiError("conflict", "You are the only active administrator. Make someone else an administrator before deleting your account.");
    }
    throw error;
  }
  // The user is gone, so the entry names them by id and email rather than as its actor.
  await auditRequest(request, { action: "account.data_deleted", actorId: null, target: user.id, details: { scope: "account", email: user.email } });
  const response = apiJson({ deleted: true });
  // The session row went with the user; the cookie that named it goes too.
  response.cookies.set(sessionCookieName(), "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: sessionCookieName().startsWith("__Secure-") });
  return response;
});
