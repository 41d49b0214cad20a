import { getRetentionSettings } from "@/lib/db/retention-settings";
import { RetentionForm } from "./retention-form";

/** Settings section: Retention (a server component; its form posts to its own admin route). */
export async function RetentionSettings() {
  const settings = await getRetentionSettings();
  return (
    <section aria-labelledby="settings-retention" className="rounded-xl border border-border bg-card p-5">
      <h2 id="settings-retention" className="text-base font-semibold">
        Retention
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        Conversations nobody has written in for this long are deleted with their messages, by a job that runs every hour. Users can download their own data from
        their account page first.
      </p>
      <RetentionForm initial={settings} />
    </section>
  );
}
