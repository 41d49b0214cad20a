import { route } from "@/lib/api/route";
import { saveQuotaRequest } from "../../save-quota-request";
import { ownerParamsSchema, quotaLimitsSchema } from "../../schema";

export const dynamic = "force-dynamic";

/** Sets the limits each member of a group gets (all null: no group quota). */
export const PUT = route({ auth: "admin", params: ownerParamsSchema("groupId", "group"), body: quotaLimitsSchema }, async ({ request, user, params, body }) =>
  saveQuotaRequest({ request, user, owner: { groupId: params.groupId }, limits: body }),
);
