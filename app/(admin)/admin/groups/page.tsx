import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { requireAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Groups · Admin" };

export default async function AdminGroupsPage() {
  await requireAdmin("/admin/groups");
  return (
    <AdminPage title="Groups" description="Groups from your identity provider and groups made here.">
      <p className="text-sm text-muted-foreground">Coming soon.</p>
    </AdminPage>
  );
}
