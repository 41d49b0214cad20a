import { checkReadiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness: may this instance take traffic? The database answers, every migration is applied, and the instance is
 * not shutting down (else 503). Redis, when configured, is checked too; without it the answer is 200 "degraded".
 * No auth and no data: only which check fails.
 */
export async function GET() {
  const { ready, degraded, checks } = await checkReadiness();
  const status = ready ? (degraded ? "degraded" : "ok") : "unavailable";
  return Response.json({ status, checks }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
