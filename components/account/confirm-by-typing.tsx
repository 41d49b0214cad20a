"use client";

import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";

type ConfirmByTypingProps = {
  label: ReactNode;
  expected: string;
  /** Compare ignoring case (email addresses). */
  ignoreCase?: boolean;
  inputType?: "text" | "email";
  submitLabel: string;
  busyLabel: string;
  /** Runs the deletion; throws an Error whose message is shown. Returns a success message, or null when navigating away. */
  onConfirm: (typed: string) => Promise<string | null>;
};

/** A destructive action that only unlocks once the user has typed the expected text. */
export function ConfirmByTyping({ label, expected, ignoreCase = false, inputType = "text", submitLabel, busyLabel, onConfirm }: ConfirmByTypingProps) {
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const inputId = useId();
  const matches = ignoreCase ? typed.trim().toLowerCase() === expected.toLowerCase() : typed.trim() === expected;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches || busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const message = await onConfirm(typed.trim());
      if (message !== null) {
        setDone(message);
        setTyped("");
        setBusy(false);
      }
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="grid max-w-md gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor={inputId}>{label}</Label>
        <Input
          id={inputId}
          type={inputType}
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </div>
      {error && <Alert>{error}</Alert>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="destructive" disabled={!matches || busy}>
          {busy && <Spinner />}
          {busy ? busyLabel : submitLabel}
        </Button>
        <p role="status" className="text-sm text-success">
          {done ?? ""}
        </p>
      </div>
    </form>
  );
}
