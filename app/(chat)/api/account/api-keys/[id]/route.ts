import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { revokeOwnApiKey } from "@/lib/api-keys/service";
import { contextFromHeaders } from "@/lib/auth/request-context";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const notFound = () => new ApiError("not_found", "This key does not exist or is already revoked.");

/** Revokes one of the signed-in user's keys; another user's key, or one already revoked, is a 404. */
export const DELETE = route(
  { auth: "user", params: z.object({ id: z.string().max(100) }), invalid: { params: notFound() } },
  async ({ request, user, params }) => {
    if (!(await revokeOwnApiKey(user, params.id, contextFromHeaders(request.headers)))) throw notFound();
    return apiJson({ revoked: true });
  },
);
