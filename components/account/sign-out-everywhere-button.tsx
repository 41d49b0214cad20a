"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { navigateTo } from "@/lib/ui/navigation";
import { signOutEverywhere } from "./account-api";

export function SignOutEverywhereButton() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      await signOutEverywhere();
      // This session ended too: a full load, so nothing signed-in stays on screen.
      navigateTo("/sign-in");
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  }

  return (
    <div className="grid gap-3">
      <div>
        <Button variant="secondary" onClick={() => void signOut()} disabled={busy}>
          {busy ? <Spinner /> : <LogOut aria-hidden="true" />}
          {busy ? "Signing out…" : "Sign out everywhere"}
        </Button>
      </div>
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
