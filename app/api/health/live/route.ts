export const dynamic = "force-dynamic";

/** Liveness: the process answers HTTP. Never checks dependencies, so a database outage does not restart every pod. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
