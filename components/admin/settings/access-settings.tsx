import { getAccessSettings } from "@/lib/auth/access-settings";
import { AccessSettingsForm } from "./access-settings-form";

/** Settings section: Sign-up and approval (a server component; its form posts to its own admin route). */
export async function AccessSettings() {
  const settings = await getAccessSettings();
  return (
    <section aria-labelledby="settings-access" className="rounded-xl border border-border bg-card p-5">
      <h2 id="settings-access" className="text-base font-semibold">
        Sign-up and approval
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">Who may sign in, and whether new company sign-ins wait for an administrator.</p>
      <AccessSettingsForm
        allowedEmailDomains={settings.allowedEmailDomains.join(", ")}
        requireApproval={settings.requireApproval}
        isDomainListFromEnv={settings.isDomainListFromEnv}
      />
    </section>
  );
}
