import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { lastDays, periodDaysFrom } from "@/lib/usage/usage-period";
import { getUsageReport } from "@/lib/usage/usage-report";

export const dynamic = "force-dynamic";

/** GET ?days=7|30|90 (default 30): totals and figures by day, model, top users and group. */
export const GET = route({ auth: "admin" }, async ({ request }) => {
  const days = periodDaysFrom(new URL(request.url).searchParams.get("days"));
  const period = lastDays(days);
  return apiJson({ days, from: period.from.toISOString(), to: period.to.toISOString(), ...(await getUsageReport(period)) });
});
