import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AdminPage } from "@/components/admin/admin-page";
import { ModelsEmptyState } from "@/components/admin/models/models-empty-state";
import { ModelsList } from "@/components/admin/models/models-list";
import { buttonClasses } from "@/components/ui/button";
import { requireAdmin } from "@/lib/auth/session";
import { listAdminModels } from "@/lib/models/admin-models";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models · Admin" };

export default async function AdminModelsPage() {
  await requireAdmin("/admin/models");
  const models = await listAdminModels();
  return (
    <AdminPage
      title="Models"
      description="The backends people can chat with, who may use them, limits and prices."
      actions={
        <Link href="/admin/models/new" className={buttonClasses()}>
          <Plus aria-hidden="true" />
          Add model
        </Link>
      }
    >
      {models.length ? <ModelsList models={models} /> : <ModelsEmptyState />}
    </AdminPage>
  );
}
