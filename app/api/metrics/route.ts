import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { getEnv } from "@/lib/env";
import { metricsText } from "@/lib/server/metrics";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Prometheus scrape endpoint. Off (404) unless METRICS_TOKEN is set; then only `Authorization: Bearer <token>`
 * reads it (401 otherwise). It holds no user data, but model ids and traffic are nobody else's business.
 */
export const GET = route({ auth: "public" }, async ({ request }) => {
  const token = getEnv().METRICS_TOKEN;
  if (!token) throw new ApiError("not_found", "Not found.");
  const given = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!given || !sameToken(given, token)) throw new ApiError("unauthorized", "The metrics token is missing or wrong.");
  const { contentType, body } = await metricsText();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
