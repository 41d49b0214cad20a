"use client";

import { ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { FindingCount } from "@/lib/privacy/decision";

export type PrivacyConfirmation = { message: string; warnings: FindingCount[] };

type PrivacyConfirmProps = {
  confirmation: PrivacyConfirmation;
  /** Sends the message in the box with these findings acknowledged. */
  onConfirm: (warnings: FindingCount[]) => void;
  onCancel: () => void;
  /** What going back to the text is called where the panel is used ("Edit prompt" in Compare). */
  cancelLabel?: string;
};

/**
 * The server found personal data the model's policy asks about (409 privacy_confirm): the reason, then "Send anyway"
 * or "Edit message". Announced at once (role="alert"); the message stays in the box.
 */
export function PrivacyConfirm({ confirmation, onConfirm, onCancel, cancelLabel = "Edit message" }: PrivacyConfirmProps) {
  return (
    <div
      role="alert"
      data-testid="privacy-confirm"
      className="mb-2 flex flex-col gap-2 rounded-lg border border-amber-500/40 bg-amber-500/10 px-3.5 py-3 text-sm text-foreground"
    >
      <p className="flex items-start gap-2.5 leading-5">
        <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />
        <span>{confirmation.message}</span>
      </p>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {cancelLabel}
        </Button>
        <Button type="button" onClick={() => onConfirm(confirmation.warnings)}>
          Send anyway
        </Button>
      </div>
    </div>
  );
}
