import { withAdmin } from "@/lib/api/with-auth";
import { saveQuotaRequest } from "../../save-quota-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ userId: string }> };

/** Sets one user's limits (all null: no quota of their own). */
export const PUT = withAdmin<Context>(async ({ request, user, context }) =>
  saveQuotaRequest({ request, user, kind: "user", rawId: (await context.params).userId }),
);
