import { AdminSection } from "@/components/admin/admin-section";
import { getAccessSettings } from "@/lib/auth/access-settings";
import { AccessSettingsForm } from "./access-settings-form";

/** Settings section: Sign-up and approval (a server component; its form posts to its own admin route). */
export async function AccessSettings() {
  const settings = await getAccessSettings();
  return (
    <AdminSection id="settings-access" title="Sign-up and approval" description="Who may sign in, and whether new company sign-ins wait for an administrator.">
      <AccessSettingsForm
        allowedEmailDomains={settings.allowedEmailDomains.join(", ")}
        requireApproval={settings.requireApproval}
        isDomainListFromEnv={settings.isDomainListFromEnv}
      />
    </AdminSection>
  );
}
