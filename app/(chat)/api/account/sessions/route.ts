import { auditRequest } from "@/lib/api/audit";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { sessionCookieName } from "@/lib/auth/cookies";
import { deleteSessionsByUserId } from "@/lib/db/sessions";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** "Sign out everywhere": ends every session of the signed-in user, this one included, on every device. */
export const DELETE = route({ auth: "user" }, async ({ request, user }) => {
  const ended = await deleteSessionsByUserId({ userId: user.id });
  await auditRequest(request, { action: "auth.signed_out_everywhere", actorId: user.id, target: user.id, details: { sessions: ended } });
  const response = apiJson({ ended });
  response.cookies.set(sessionCookieName(), "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: sessionCookieName().startsWith("__Secure-") });
  return response;
});
