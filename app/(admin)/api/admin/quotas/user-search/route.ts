import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { searchUsersByText } from "@/lib/db/quotas";
import { userSearchQuerySchema } from "../schema";

export const dynamic = "force-dynamic";

/** GET ?q=: up to ten users whose email or name contains q, with their own limits. */
export const GET = route({ auth: "admin", query: userSearchQuerySchema }, async ({ query }) => apiJson({ users: await searchUsersByText({ query: query.q }) }));
