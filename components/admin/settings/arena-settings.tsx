import { getArenaEnabled } from "@/lib/db/arena-settings";
import { ArenaSettingsForm } from "./arena-settings-form";

/** Settings section: the blind Arena on or off (a server component). */
export async function ArenaSettings() {
  const enabled = await getArenaEnabled();
  return (
    <section aria-labelledby="settings-arena" className="rounded-xl border border-border bg-card p-5">
      <h2 id="settings-arena" className="text-base font-semibold">
        Arena
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        Blind battles in Compare: two models the user may use, picked at random, answer one prompt as Model A and Model B, and the names show only after the
        user votes. Each battle costs two answers (quotas apply). The leaderboard stays visible either way.
      </p>
      <ArenaSettingsForm initialEnabled={enabled} />
    </section>
  );
}
