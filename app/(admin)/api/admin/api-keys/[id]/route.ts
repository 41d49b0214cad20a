import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { revokeApiKeyAsAdmin } from "@/lib/api-keys/service";
import { contextFromHeaders } from "@/lib/auth/request-context";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const notFound = () => new ApiError("not_found", "This key does not exist or is already revoked.");

/** Revokes any user's key. */
export const DELETE = route(
  { auth: "admin", params: z.object({ id: z.string().max(100) }), invalid: { params: notFound() } },
  async ({ request, user, params }) => {
    if (!(await revokeApiKeyAsAdmin(user, params.id, contextFromHeaders(request.headers)))) throw notFound();
    return apiJson({ revoked: true });
  },
);
