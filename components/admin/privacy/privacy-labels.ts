import type { FindingCategory, PrivacyAction } from "@/lib/privacy/policy";

// Words for the privacy page: what each action does and what each category holds.

export const actionLabel: Record<PrivacyAction, string> = {
  allow: "Allow",
  warn: "Ask first",
  redact: "Replace with placeholders",
  block: "Block",
};

export const categoryLabel: Record<FindingCategory, string> = {
  personal: "Personal data",
  secret: "Secrets",
  confidential: "Your terms and patterns",
};
