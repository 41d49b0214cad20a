"use client";

import { Dialog } from "@/components/ui/dialog";
import { SHORTCUTS } from "./shortcut-list";

type ShortcutsDialogProps = { open: boolean; onClose: () => void };

/** The list of keyboard shortcuts; it only shows something, so a click beside it closes it too. */
export function ShortcutsDialog({ open, onClose }: ShortcutsDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" closeOnBackdrop>
      <dl className="divide-y text-sm">
        {SHORTCUTS.map(({ keys, description }) => (
          <div key={keys.join("+")} className="flex items-center justify-between gap-4 py-2">
            <dt>{description}</dt>
            <dd className="flex gap-1">
              {keys.map((key) => (
                <kbd key={key} className="min-w-6 rounded border bg-muted px-1.5 py-0.5 text-center font-mono text-xs">
                  {key}
                </kbd>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
