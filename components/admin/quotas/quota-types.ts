/** The four limits as the admin API takes and gives them; null is unlimited. */
export interface Limits {
  requestsPerMinute: number | null;
  tokensPerDay: number | null;
  tokensPerMonth: number | null;
  costPerMonthUsd: number | null;
}

export interface QuotaTarget {
  kind: "user" | "group";
  id: string;
  /** The user's email or the group's name. */
  label: string;
  limits: Limits | null;
}

export const LIMIT_FIELDS: { name: keyof Limits; label: string; hint: string; step: string }[] = [
  { name: "requestsPerMinute", label: "Requests per minute", hint: "Messages sent in any one clock minute", step: "1" },
  { name: "tokensPerDay", label: "Tokens per day", hint: "Input and output, per UTC day", step: "1" },
  { name: "tokensPerMonth", label: "Tokens per month", hint: "Input and output, per calendar month (UTC)", step: "1" },
  { name: "costPerMonthUsd", label: "Monthly budget (US$)", hint: "At the models' prices, per calendar month (UTC)", step: "0.01" },
];

const integer = new Intl.NumberFormat("en-US");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatLimit(name: keyof Limits, value: number | null | undefined): string {
  if (value === null || value === undefined) return "Unlimited";
  return name === "costPerMonthUsd" ? usd.format(value) : integer.format(value);
}
