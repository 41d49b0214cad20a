import { AdminSection } from "@/components/admin/admin-section";
import { getArenaEnabled } from "@/lib/db/arena-settings";
import { ArenaSettingsForm } from "./arena-settings-form";

/** Settings section: the blind Arena on or off (a server component). */
export async function ArenaSettings() {
  const enabled = await getArenaEnabled();
  return (
    <AdminSection
      id="settings-arena"
      title="Arena"
      description="Blind battles in Compare: two models the user may use, picked at random, answer one prompt as Model A and Model B, and the names show only after the user votes. Each battle costs two answers (quotas apply). The leaderboard stays visible either way."
    >
      <ArenaSettingsForm initialEnabled={enabled} />
    </AdminSection>
  );
}
