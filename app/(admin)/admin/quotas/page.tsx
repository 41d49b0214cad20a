import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { requireAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Quotas · Admin" };

export default async function AdminQuotasPage() {
  await requireAdmin("/admin/quotas");
  return (
    <AdminPage title="Quotas" description="Requests per minute, tokens per day and month, and monthly budgets.">
      <p className="text-sm text-muted-foreground">Coming soon.</p>
    </AdminPage>
  );
}
