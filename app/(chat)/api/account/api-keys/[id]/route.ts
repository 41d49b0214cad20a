import { revokeOwnApiKey } from "@/lib/api-keys/service";
import { apiError, apiJson } from "@/lib/api/responses";
import { withUser } from "@/lib/api/with-auth";
import { contextFromHeaders } from "@/lib/auth/request-context";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

/** Revokes one of the signed-in user's keys; another user's key, or one already revoked, is a 404. */
export const DELETE = withUser<Context>(async ({ request, user, context }) => {
  const { id } = await context.params;
  if (id.length > 100 || !(await revokeOwnApiKey(user, id, contextFromHeaders(request.headers)))) {
    return apiError("not_found", "This key does not exist or is already revoked.");
  }
  return apiJson({ revoked: true });
});
