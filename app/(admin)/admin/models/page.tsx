import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { requireAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models · Admin" };

export default async function AdminModelsPage() {
  await requireAdmin("/admin/models");
  return (
    <AdminPage title="Models" description="The backends people can chat with, who may use them, limits and prices.">
      <p className="text-sm text-muted-foreground">Coming soon.</p>
    </AdminPage>
  );
}
