import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { requireAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Usage · Admin" };

export default async function AdminUsagePage() {
  await requireAdmin("/admin/usage");
  return (
    <AdminPage title="Usage" description="Requests, tokens and cost by day, model, user and group.">
      <p className="text-sm text-muted-foreground">Coming soon.</p>
    </AdminPage>
  );
}
