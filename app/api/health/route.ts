import { isDatabaseHealthy } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Load balancers poll this: no auth and no data, just whether the database answers. */
export async function GET() {
  const healthy = await isDatabaseHealthy();
  return Response.json(healthy ? { status: "ok" } : { status: "unavailable" }, {
    status: healthy ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
