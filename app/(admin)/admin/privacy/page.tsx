import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { PolicyOverview } from "@/components/admin/privacy/policy-overview";
import { PrivacySettingsForm } from "@/components/admin/privacy/privacy-settings-form";
import { PrivacyTryBox } from "@/components/admin/privacy/privacy-try-box";
import { PrivacyWeeklyCounts } from "@/components/admin/privacy/privacy-weekly-counts";
import { requireAdmin } from "@/lib/auth/session";
import { privacyWeeklyCounts } from "@/lib/db/privacy-overview";
import { getPrivacySettings } from "@/lib/db/privacy-settings";
import { listModelPrivacy } from "@/lib/models/model-privacy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Privacy · Admin" };

const WEEKS_SHOWN = 8;

export default async function AdminPrivacyPage() {
  await requireAdmin("/admin/privacy");
  const [settings, models, weeks] = await Promise.all([getPrivacySettings(), listModelPrivacy(), privacyWeeklyCounts(WEEKS_SHOWN)]);
  return (
    <AdminPage title="Privacy" description="What may leave the company: the policy per boundary and model, a box to try the detectors, and what they caught.">
      <div className="grid gap-6">
        <PolicyOverview boundaryPolicies={settings.boundaryPolicies} models={models} />
        <PrivacyTryBox />
        <PrivacyWeeklyCounts weeks={weeks} />
        <PrivacySettingsForm initial={settings} />
      </div>
    </AdminPage>
  );
}
