import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { AccessSettings } from "@/components/admin/settings/access-settings";
import { ApiKeySettings } from "@/components/admin/settings/api-keys-settings";
import { ArenaSettings } from "@/components/admin/settings/arena-settings";
import { ImageSettings } from "@/components/admin/settings/images-settings";
import { RetentionSettings } from "@/components/admin/settings/retention-settings";
import { requireAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings · Admin" };

export default async function AdminSettingsPage() {
  await requireAdmin("/admin/settings");
  return (
    <AdminPage title="Settings" description="Sign-up rules, images in answers, how long conversations are kept, personal API keys and the arena.">
      <div className="grid gap-6">
        <AccessSettings />
        <ImageSettings />
        <RetentionSettings />
        <ApiKeySettings />
        <ArenaSettings />
      </div>
    </AdminPage>
  );
}
