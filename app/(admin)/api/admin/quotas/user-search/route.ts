import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { searchUsersByText } from "@/lib/db/quotas";
import { userSearchQuerySchema } from "../schema";

export const dynamic = "force-dynamic";

/** GET ?q=: up to ten users whose email or name contains q, with their own limits. */
export const GET = withAdmin(async ({ request }) => {
  const query = userSearchQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return apiError("bad_request", query.error.issues[0]?.message ?? "The search is not valid.");
  return apiJson({ users: await searchUsersByText({ query: query.data.q }) });
});
