import "server-only";
import { getUsageByDay, getUsageByGroup, getUsageByModel, getUsageByUser, type UsagePeriod, type UsageTotals } from "@/lib/db/usage-stats";
import { type CsvCell, toCsv } from "./csv";

export type UsageGroupBy = "day" | "model" | "user" | "group";

const FIGURES = ["requests", "input_tokens", "output_tokens", "total_tokens", "cost_usd"];

function figures(totals: UsageTotals): CsvCell[] {
  return [totals.requests, totals.inputTokens, totals.outputTokens, totals.totalTokens, totals.costUsd];
}

/** The usage of a period as CSV, one row per day, model, user or group. */
export async function usageCsv(period: UsagePeriod, groupBy: UsageGroupBy): Promise<string> {
  switch (groupBy) {
    case "day":
      return toCsv(
        ["day", ...FIGURES],
        (await getUsageByDay({ period })).map((row) => [row.day, ...figures(row)]),
      );
    case "model":
      return toCsv(
        ["model_id", "model_name", ...FIGURES],
        (await getUsageByModel({ period })).map((row) => [row.modelId, row.name, ...figures(row)]),
      );
    case "user":
      return toCsv(
        ["user_id", "email", "name", ...FIGURES],
        (await getUsageByUser({ period, take: 100_000 })).map((row) => [row.userId, row.email, row.name, ...figures(row)]),
      );
    case "group":
      return toCsv(
        ["group_id", "group_name", ...FIGURES],
        (await getUsageByGroup({ period })).map((row) => [row.groupId, row.name, ...figures(row)]),
      );
  }
}
