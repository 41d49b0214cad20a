import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { requireAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users · Admin" };

export default async function AdminUsersPage() {
  await requireAdmin("/admin/users");
  return (
    <AdminPage title="Users" description="People who can sign in, their roles and status.">
      <p className="text-sm text-muted-foreground">Coming soon.</p>
    </AdminPage>
  );
}
