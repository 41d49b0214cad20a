import { auditRequest } from "@/lib/api/audit";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { getArenaEnabled, saveArenaEnabled } from "@/lib/db/arena-settings";
import { arenaSettingsInputSchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** → { enabled }: whether users are offered blind battles (Compare → Blind). */
export const GET = route({ auth: "admin" }, async () => apiJson({ enabled: await getArenaEnabled() }));

/** `{ enabled }` → { enabled } as stored. */
export const PUT = route({ auth: "admin", body: arenaSettingsInputSchema }, async ({ request, user, body }) => {
  await saveArenaEnabled({ enabled: body.enabled });
  await auditRequest(request, {
    action: "settings.changed",
    actorId: user.id,
    target: "arena.enabled",
    details: { setting: "arenaEnabled", enabled: body.enabled },
  });
  return apiJson({ enabled: body.enabled });
});
