"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ApiResult } from "@/lib/api/client";

/** Where an admin settings form's save stands: SaveBar shows it. */
type SaveStatus = {
  saving: boolean;
  /** The last save succeeded and nothing changed since. */
  saved: boolean;
  error: string | null;
};

/** A settings form's save: `save` runs one request and reports it; `changed` clears "Saved." once a field changes. */
export function useSaveStatus() {
  const [status, setStatus] = useState<SaveStatus>({ saving: false, saved: false, error: null });

  async function save<T>(request: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    setStatus({ saving: true, saved: false, error: null });
    const result = await request();
    setStatus({ saving: false, saved: result.ok, error: result.ok ? null : result.message });
    return result;
  }
  const changed = () => setStatus((current) => ({ ...current, saved: false }));
  /** A mistake the form finds itself, before any request. */
  const fail = (error: string) => setStatus({ saving: false, saved: false, error });

  return { status, save, changed, fail };
}

type SaveBarProps = {
  /** The submit button's text, e.g. "Save retention". */
  label: string;
  status: SaveStatus;
  /** What the status line says after a save. */
  savedText?: string;
};

/** The end of an admin settings form: why the save failed, the submit button, and a status line that announces "Saved.". */
export function SaveBar({ label, status: { saving, saved, error }, savedText = "Saved." }: SaveBarProps) {
  return (
    <>
      {error && <Alert>{error}</Alert>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={saving}>
          {saving && <Spinner />}
          {saving ? "Saving…" : label}
        </Button>
        <p role="status" className="text-sm text-success">
          {saved ? savedText : ""}
        </p>
      </div>
    </>
  );
}
