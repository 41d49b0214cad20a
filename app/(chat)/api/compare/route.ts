import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { startCompareRun } from "@/lib/chat/compare";
import { compareRequestSchema } from "@/lib/chat/compare-input";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** One prompt to 2-3 models side by side: stores the run, starts every answer, answers with their ids. */
export const POST = route({ auth: "user", body: compareRequestSchema }, async ({ user, body }) => {
  const startedAt = Date.now();
  return apiJson(await startCompareRun(user, body, { startedAt }), { status: 201 });
});
