import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { ModelForm } from "@/components/admin/models/model-form";
import { requireAdmin } from "@/lib/auth/session";
import { listAccessGroups } from "@/lib/db/model-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add a model · Admin" };

export default async function NewModelPage() {
  await requireAdmin("/admin/models/new");
  return (
    <AdminPage title="Add a model" description="Connect a backend, set its limits and prices, and choose who may use it.">
      <ModelForm model={null} groups={await listAccessGroups()} />
    </AdminPage>
  );
}
