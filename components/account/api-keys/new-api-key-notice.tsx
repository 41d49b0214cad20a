"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The new key, shown this once: copy it now, it cannot be shown again. */
export function NewApiKeyNotice({ name, value, onDone }: { name: string; value: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="grid gap-2 rounded-lg border border-success/40 bg-success/5 p-3.5 text-sm" data-testid="new-api-key">
      <p>
        <strong>{name}</strong> is ready. Copy the key now: it is shown only this once and cannot be retrieved later.
      </p>
      <div className="flex items-center gap-2">
        <code
          className="min-w-0 flex-1 overflow-x-auto rounded-md border bg-background px-2.5 py-1.5 font-mono text-xs break-all"
          data-testid="new-api-key-value"
        >
          {value}
        </code>
        <Button
          variant="secondary"
          size="sm"
          aria-label="Copy the key"
          onClick={async () => {
            await navigator.clipboard?.writeText(value);
            setCopied(true);
          }}
        >
          {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <div>
        <Button variant="link" size="sm" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}
