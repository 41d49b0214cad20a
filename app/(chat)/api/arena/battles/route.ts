import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { startArenaBattle } from "@/lib/arena/battle";
import { startBattleSchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A blind battle: two models picked at random, kept as A and B; answers `{ battle }` without their names. */
export const POST = route({ auth: "user", body: startBattleSchema }, async ({ user, body }) => {
  const startedAt = Date.now();
  return apiJson({ battle: await startArenaBattle(user, body.prompt, { startedAt }) }, { status: 201 });
});
