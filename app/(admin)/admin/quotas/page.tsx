import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { QuotaManager } from "@/components/admin/quotas/quota-manager";
import { requireAdmin } from "@/lib/auth/session";
import { listGroupsWithQuotas, listUserQuotas } from "@/lib/db/quotas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Quotas · Admin" };

export default async function AdminQuotasPage() {
  await requireAdmin("/admin/quotas");
  const [groups, users] = await Promise.all([listGroupsWithQuotas(), listUserQuotas()]);
  return (
    <AdminPage title="Quotas" description="Requests per minute, tokens per day and month, and monthly budgets. Days and months are counted in UTC.">
      <QuotaManager groups={groups} users={users.map(({ user, limits }) => ({ user, limits }))} />
    </AdminPage>
  );
}
