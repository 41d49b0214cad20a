"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  description: ReactNode;
  /** The destructive button's text, e.g. "Delete user". */
  confirmLabel: string;
  busy?: boolean;
  /** Why the last attempt failed, shown above the buttons. */
  error?: string | null;
  /** False while the confirmation is incomplete (a typed e-mail that does not match yet). */
  canConfirm?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Fields between the description and the buttons; mark the one to start in with `data-autofocus`. */
  children?: ReactNode;
};

/**
 * Asks before something that cannot be undone: an alert dialog whose Cancel has focus (unless a field claims it), so
 * Enter or a stray click does not destroy anything. Escape cancels; the form submits on Enter once it may.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  busy = false,
  error,
  canConfirm = true,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onCancel} role="alertdialog" title={title} description={description}>
      <form
        className="grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (canConfirm && !busy) onConfirm();
        }}
      >
        {children}
        {error && <Alert>{error}</Alert>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" data-autofocus={children ? undefined : true} onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" variant="destructive" disabled={!canConfirm || busy}>
            {busy && <Spinner />}
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
