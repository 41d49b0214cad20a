import type { FindingCount } from "./decision";
import type { FindingType } from "./types";

// Words for findings, for the reason a user is shown ("2 e-mail addresses and 1 IBAN") and the admin's try box.

const nounsByType: Record<FindingType, [one: string, many: string]> = {
  email: ["e-mail address", "e-mail addresses"],
  phone: ["phone number", "phone numbers"],
  iban: ["IBAN", "IBANs"],
  payment_card: ["payment card number", "payment card numbers"],
  ip_address: ["IP address", "IP addresses"],
  us_ssn: ["US social security number", "US social security numbers"],
  uk_nino: ["UK National Insurance number", "UK National Insurance numbers"],
  national_id: ["national ID number", "national ID numbers"],
  secret: ["secret (key, token or password)", "secrets (keys, tokens or passwords)"],
  custom: ["confidential term", "confidential terms"],
};

export function describeCounts(counts: readonly FindingCount[]): string {
  const parts = counts.map(({ type, count }) => `${count} ${nounsByType[type][count === 1 ? 0 : 1]}`);
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** One finding type's name ("e-mail address"), for tables and lists. */
export function findingTypeName(type: FindingType): string {
  return nounsByType[type][0];
}
