import { AdminSection } from "@/components/admin/admin-section";
import { getRetentionSettings } from "@/lib/db/retention-settings";
import { RetentionForm } from "./retention-form";

/** Settings section: Retention (a server component; its form posts to its own admin route). */
export async function RetentionSettings() {
  const settings = await getRetentionSettings();
  return (
    <AdminSection
      id="settings-retention"
      title="Retention"
      description="Conversations nobody has written in for this long are deleted with their messages, by a job that runs every hour. Users can download their own data from their account page first."
    >
      <RetentionForm initial={settings} />
    </AdminSection>
  );
}
