import type { CompiledCustomRules } from "./detectors/custom-rules";
import { detectEmails } from "./detectors/email";
import { detectHighEntropyTokens } from "./detectors/high-entropy";
import { detectIbans } from "./detectors/iban";
import { detectIpAddresses } from "./detectors/ip-address";
import { detectNationalIds } from "./detectors/national-id";
import { detectPaymentCards } from "./detectors/payment-card";
import { detectPhones } from "./detectors/phone";
import { detectSecrets } from "./detectors/secrets";
import { detectUkNinos } from "./detectors/uk-nino";
import { detectUsSsns } from "./detectors/us-ssn";
import { resolveOverlaps } from "./overlaps";
import type { Finding } from "./types";

// The same code runs in the browser (highlighting while typing) and on the server (enforcement): no Node imports.
// Admin rules are compiled where they are allowed to be (the server: customer names are not for every browser) and
// passed in.

const builtInDetectors: readonly ((text: string) => Finding[])[] = [
  detectSecrets,
  detectHighEntropyTokens,
  detectEmails,
  detectIbans,
  detectPaymentCards,
  detectUsSsns,
  detectUkNinos,
  detectNationalIds,
  detectIpAddresses,
  detectPhones,
];

export type DetectOptions = { customRules?: CompiledCustomRules };

/** All findings in `text`, without overlaps, in text order. */
export function detectFindings(text: string, options: DetectOptions = {}): Finding[] {
  const all = builtInDetectors.flatMap((detect) => detect(text));
  if (options.customRules) all.push(...options.customRules.detect(text));
  return resolveOverlaps(all);
}
