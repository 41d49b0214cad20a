import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { PeriodPicker } from "@/components/admin/usage/period-picker";
import { UsageDashboard } from "@/components/admin/usage/usage-dashboard";
import { UsageExportForm } from "@/components/admin/usage/usage-export-form";
import { requireAdmin } from "@/lib/auth/session";
import { lastDays, periodDates, periodDaysFrom } from "@/lib/usage/usage-period";
import { getUsageReport } from "@/lib/usage/usage-report";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Usage · Admin" };

export default async function AdminUsagePage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  await requireAdmin("/admin/usage");
  const days = periodDaysFrom((await searchParams).days);
  const period = lastDays(days);
  const report = await getUsageReport(period);
  const dates = periodDates(period);
  return (
    <AdminPage
      title="Usage"
      description={`Requests, tokens and cost from ${dates.from} to ${dates.to} (UTC), by day, model, user and group.`}
      actions={<PeriodPicker current={days} />}
    >
      <div className="space-y-6">
        <UsageDashboard report={report} days={days} />
        <UsageExportForm from={dates.from} to={dates.to} />
      </div>
    </AdminPage>
  );
}
