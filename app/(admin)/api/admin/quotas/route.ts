import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { listGroupsWithQuotas, listUserQuotas } from "@/lib/db/quotas";

export const dynamic = "force-dynamic";

/** Every user quota and every group with its quota (or null). */
export const GET = route({ auth: "admin" }, async () => {
  const [users, groups] = await Promise.all([listUserQuotas(), listGroupsWithQuotas()]);
  return apiJson({ users, groups });
});
