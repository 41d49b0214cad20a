import { Activity, ShieldCheck, Users, UserX } from "lucide-react";
import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { StatCard } from "@/components/admin/stat-card";
import { requireAdmin } from "@/lib/auth/session";
import { getAdminOverview } from "@/lib/db/admin-stats";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin" };

export default async function AdminOverviewPage() {
  await requireAdmin("/admin");
  const overview = await getAdminOverview();

  return (
    <AdminPage title="Administration" description="Accounts and sign-ins on this installation.">
      <dl className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
        <StatCard label="Users" value={overview.users} description="All accounts" icon={Users} />
        <StatCard label="Administrators" value={overview.admins} description="Accounts with the admin role" icon={ShieldCheck} />
        <StatCard label="Disabled users" value={overview.disabled} description="Cannot sign in" icon={UserX} />
        <StatCard label="Active sessions" value={overview.activeSessions} description="Signed-in browsers, not yet expired" icon={Activity} />
      </dl>
    </AdminPage>
  );
}
