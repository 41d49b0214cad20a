import { route } from "@/lib/api/route";
import { saveQuotaRequest } from "../../save-quota-request";
import { ownerParamsSchema, quotaLimitsSchema } from "../../schema";

export const dynamic = "force-dynamic";

/** Sets one user's limits (all null: no quota of their own). */
export const PUT = route({ auth: "admin", params: ownerParamsSchema("userId", "user"), body: quotaLimitsSchema }, async ({ request, user, params, body }) =>
  saveQuotaRequest({ request, user, owner: { userId: params.userId }, limits: body }),
);
