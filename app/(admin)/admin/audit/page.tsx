import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { requireAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log · Admin" };

export default async function AdminAuditLogPage() {
  await requireAdmin("/admin/audit");
  return (
    <AdminPage title="Audit log" description="Admin actions and security events. Entries cannot be changed.">
      <p className="text-sm text-muted-foreground">Coming soon.</p>
    </AdminPage>
  );
}
