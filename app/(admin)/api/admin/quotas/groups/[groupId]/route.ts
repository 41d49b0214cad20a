import { withAdmin } from "@/lib/api/with-auth";
import { saveQuotaRequest } from "../../save-quota-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ groupId: string }> };

/** Sets the limits each member of a group gets (all null: no group quota). */
export const PUT = withAdmin<Context>(async ({ request, user, context }) =>
  saveQuotaRequest({ request, user, kind: "group", rawId: (await context.params).groupId }),
);
