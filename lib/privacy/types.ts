// What the privacy detectors find. Pure data: shared by the server (enforcement) and the browser (highlighting).

export const findingTypes = ["email", "phone", "iban", "payment_card", "ip_address", "us_ssn", "uk_nino", "national_id", "secret", "custom"] as const;
export type FindingType = (typeof findingTypes)[number];

export type Finding = {
  type: FindingType;
  /** UTF-16 offsets into the scanned text, end exclusive (as String.prototype.slice). */
  start: number;
  end: number;
  /** 0..1: how sure the detector is that this is what it says (checksums and strict formats score high). */
  confidence: number;
  /** Narrower kind, for display and counting: "es-dni", "aws-access-key", or an admin rule's label. */
  detail?: string;
};

/** The label a placeholder carries, e.g. [EMAIL_1]. */
export const placeholderLabelByType: Record<FindingType, string> = {
  email: "EMAIL",
  phone: "PHONE",
  iban: "IBAN",
  payment_card: "CARD",
  ip_address: "IP",
  us_ssn: "SSN",
  uk_nino: "NINO",
  national_id: "NATIONAL_ID",
  secret: "SECRET",
  custom: "TERM",
};
