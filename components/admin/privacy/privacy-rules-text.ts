import type { CustomRule } from "@/lib/privacy/detectors/custom-rules";

// The admin's terms and patterns as the form shows them: one per line, optionally "LABEL: value" (the label names
// the placeholder, [PROJECT_1]); without one they are [TERM_n].

const LABELLED = /^([A-Z][A-Z0-9_]{0,23}):\s+(.+)$/;

export function rulesToText(rules: readonly CustomRule[], kind: CustomRule["kind"]): string {
  return rules
    .filter((rule) => rule.kind === kind)
    .map((rule) => (rule.label ? `${rule.label}: ${rule.value}` : rule.value))
    .join("\n");
}

export function textToRules(text: string, kind: CustomRule["kind"]): CustomRule[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const labelled = LABELLED.exec(line);
      return labelled ? { kind, label: labelled[1], value: labelled[2] ?? "" } : { kind, value: line };
    });
}
