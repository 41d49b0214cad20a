import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminPage } from "@/components/admin/admin-page";
import { ModelForm } from "@/components/admin/models/model-form";
import { requireAdmin } from "@/lib/auth/session";
import { listAccessGroups } from "@/lib/db/model-access";
import { getAdminModel } from "@/lib/models/admin-models";
import { modelIdSchema } from "@/lib/models/model-id";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Model · Admin" };

export default async function EditModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/models/${encodeURIComponent(id)}`);
  const parsed = modelIdSchema.safeParse(id);
  const model = parsed.success ? await getAdminModel(parsed.data) : null;
  if (!model) notFound();
  return (
    <AdminPage
      title={model.name}
      description={model.managedByFile ? "Read-only: this model comes from MODELS_FILE." : "Change the connection, limits, prices and access."}
    >
      <ModelForm model={model} groups={await listAccessGroups()} />
    </AdminPage>
  );
}
