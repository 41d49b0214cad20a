"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { downloadAccountData } from "./account-api";

export function DownloadDataButton() {
  const [state, setState] = useState<"idle" | "preparing" | "done">("idle");
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setState("preparing");
    setError(null);
    try {
      await downloadAccountData();
      setState("done");
    } catch (failure) {
      setError((failure as Error).message);
      setState("idle");
    }
  }

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => void download()} disabled={state === "preparing"}>
          {state === "preparing" ? <Spinner /> : <Download aria-hidden="true" />}
          Download all my data
        </Button>
        <p role="status" className="text-sm text-muted-foreground">
          {state === "preparing" ? "Preparing your download…" : state === "done" ? "Your download has started." : ""}
        </p>
      </div>
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
