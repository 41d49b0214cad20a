import { revokeApiKeyAsAdmin } from "@/lib/api-keys/service";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { contextFromHeaders } from "@/lib/auth/request-context";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

/** Revokes any user's key. */
export const DELETE = withAdmin<Context>(async ({ request, user, context }) => {
  const { id } = await context.params;
  if (id.length > 100 || !(await revokeApiKeyAsAdmin(user, id, contextFromHeaders(request.headers)))) {
    return apiError("not_found", "This key does not exist or is already revoked.");
  }
  return apiJson({ revoked: true });
});
