"use client";

import { ShieldAlert } from "lucide-react";
import { useEffect, useState } from "react";
import { countFindings } from "@/lib/privacy/decision";
import { describeCounts } from "@/lib/privacy/describe";
import { actionFor, isPolicyActive, type PrivacyAction, type PrivacyPolicy } from "@/lib/privacy/policy";
import type { Finding } from "@/lib/privacy/types";

// What the privacy policy will do with what is being typed, shown under the message box while typing. The same
// detectors as the server (without the admin's terms, which stay on the server); the server decides in the end.
// The detectors (ipaddr.js, IBAN and card checks) load when there is first something to check, not with the page.

const DEBOUNCE_MS = 300;

const wordsByAction: Record<Exclude<PrivacyAction, "allow">, [one: string, many: string]> = {
  block: ["will not be sent to this model", "will not be sent to this model"],
  warn: ["needs your confirmation before it is sent", "need your confirmation before they are sent"],
  redact: ["will be replaced by a placeholder", "will be replaced by placeholders"],
};

export type PrivacyHintsProps = { text: string; policy: PrivacyPolicy | undefined; modelName: string };

/** Nothing when the model's policy lets everything through, or nothing was found. */
export function PrivacyHints({ text, policy, modelName }: PrivacyHintsProps) {
  const findings = useDebouncedFindings(text, policy && isPolicyActive(policy) ? policy : undefined);
  const groups = (["block", "warn", "redact"] as const)
    .map((action) => ({ action, found: findings.filter((finding) => policy && actionFor(policy, finding) === action) }))
    .filter((group) => group.found.length > 0);
  return (
    <div aria-live="polite" data-testid="privacy-hints">
      {groups.length > 0 && (
        <div className="mx-4 mb-1 flex items-start gap-2 rounded-lg border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-[13px] text-foreground">
          <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />
          <ul className="min-w-0 space-y-0.5">
            {groups.map(({ action, found }) => (
              <li key={action}>
                {capitalize(describeCounts(countFindings(found)))} {wordsByAction[action][found.length === 1 ? 0 : 1]} ({modelName}).
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function useDebouncedFindings(text: string, policy: PrivacyPolicy | undefined): Finding[] {
  const [findings, setFindings] = useState<Finding[]>([]);
  useEffect(() => {
    if (!policy || text.trim() === "") {
      setFindings([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void import("@/lib/privacy/detect").then(({ detectFindings }) => {
        if (current) setFindings(detectFindings(text).filter((finding) => actionFor(policy, finding) !== "allow"));
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, policy]);
  return findings;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
