import { Activity, ShieldCheck, UserX, Users } from "lucide-react";
import type { Metadata } from "next";
import { StatCard } from "@/components/admin/stat-card";
import { requireAdmin } from "@/lib/auth/session";
import { getAdminOverview } from "@/lib/db/admin-stats";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireAdmin("/admin");
  const overview = await getAdminOverview();

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-2xl font-semibold tracking-tight">Administration</h1>
      <p className="mt-1.5 text-sm text-muted-foreground">Accounts and sign-ins on this installation.</p>
      <dl className="mt-8 grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
        <StatCard label="Users" value={overview.users} description="All accounts" icon={Users} />
        <StatCard label="Administrators" value={overview.admins} description="Accounts with the admin role" icon={ShieldCheck} />
        <StatCard label="Disabled users" value={overview.disabled} description="Cannot sign in" icon={UserX} />
        <StatCard label="Active sessions" value={overview.activeSessions} description="Signed-in browsers, not yet expired" icon={Activity} />
      </dl>
    </div>
  );
}
