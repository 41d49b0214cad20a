import { apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { listGroupsWithQuotas, listUserQuotas } from "@/lib/db/quotas";

export const dynamic = "force-dynamic";

/** Every user quota and every group with its quota (or null). */
export const GET = withAdmin(async () => {
  const [users, groups] = await Promise.all([listUserQuotas(), listGroupsWithQuotas()]);
  return apiJson({ users, groups });
});
