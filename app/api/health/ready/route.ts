import { checkReadiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness: may this instance take traffic? The database answers, every migration is applied, Redis answers when
 * configured, and the instance is not shutting down. No auth and no data: only which check fails.
 */
export async function GET() {
  const { ready, checks } = await checkReadiness();
  return Response.json({ status: ready ? "ok" : "unavailable", checks }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
