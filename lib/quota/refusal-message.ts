const integer = new Intl.NumberFormat("en-US");
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 });
const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC", hour12: false });
const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });

export function formatUsd(value: number): string {
  return dollars.format(value);
}

/** "14:32 UTC" */
export function utcTime(date: Date): string {
  return `${clock.format(date)} UTC`;
}

/** "1 December" */
export function utcDayMonth(date: Date): string {
  return dayMonth.format(date);
}

export function requestsPerMinuteMessage(limit: number, resetsAt: Date): string {
  return `You have reached your limit of ${integer.format(limit)} ${limit === 1 ? "request" : "requests"} per minute. Try again at ${utcTime(resetsAt)}.`;
}

export function tokensPerDayMessage(limit: number, resetsAt: Date): string {
  return `You have used your daily limit of ${integer.format(limit)} tokens. It resets at ${utcTime(resetsAt)} (midnight UTC).`;
}

export function tokensPerMonthMessage(limit: number, resetsAt: Date): string {
  return `You have used your monthly limit of ${integer.format(limit)} tokens. It resets on ${utcDayMonth(resetsAt)} (00:00 UTC).`;
}

export function costPerMonthMessage(limit: number, resetsAt: Date): string {
  return `You have reached your monthly budget of ${formatUsd(limit)}. It resets on ${utcDayMonth(resetsAt)} (00:00 UTC).`;
}
