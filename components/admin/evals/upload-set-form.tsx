"use client";

import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { NativeSelect } from "@/components/admin/native-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { apiResult } from "@/lib/api/client";
import { EVAL_SET_LIMITS, GRADER_KINDS, type GraderKind, promptText } from "@/lib/evals/eval-item";
import type { SetPreview } from "@/lib/evals/preview";
import { GRADER_LABELS } from "./grader-labels";

/** Choose a file → a dry-run preview (or every problem with its line) → save. Nothing is stored before Save. */
export function UploadSetForm() {
  const router = useRouter();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [name, setName] = useState("");
  // The name follows the chosen file's until the admin types one.
  const [nameTyped, setNameTyped] = useState(false);
  // Bumped after a save, so the file field empties too.
  const [fileFieldKey, setFileFieldKey] = useState(0);
  const [grader, setGrader] = useState<GraderKind>("exact");
  const [preview, setPreview] = useState<SetPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const query = (setName?: string) =>
    new URLSearchParams({ grader, ...(file ? { fileName: file.name } : {}), ...(setName ? { name: setName } : {}) }).toString();

  async function check(next: { name: string; text: string } | null, nextGrader = grader) {
    setPreview(null);
    setError(null);
    if (!next) return;
    if (next.text.length > EVAL_SET_LIMITS.maxBytes) return setError("The file is over 10 MB.");
    setBusy(true);
    const params = new URLSearchParams({ grader: nextGrader, fileName: next.name }).toString();
    const result = await apiResult<SetPreview>(`/api/admin/evals/sets/preview?${params}`, { method: "POST", text: next.text });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setPreview(result.value);
  }

  async function save() {
    if (!file) return;
    setBusy(true);
    setError(null);
    const result = await apiResult(`/api/admin/evals/sets?${query(name.trim() || file.name)}`, { method: "POST", text: file.text });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setFile(null);
    setPreview(null);
    setName("");
    setNameTyped(false);
    setFileFieldKey((key) => key + 1);
    router.refresh();
  }

  return (
    <section aria-labelledby="upload-set-heading" className="grid gap-3 rounded-xl border bg-card p-5">
      <h2 id="upload-set-heading" className="text-base font-semibold">
        Upload an evaluation set
      </h2>
      <p className="text-sm text-muted-foreground">
        JSONL in the OpenAI-evals shape (<code>{'{"input": [messages], "ideal": "…"}'}</code>) or the BIG-Bench Hard shape (
        <code>{'{"input": "…", "target": "…"}'}</code>), or CSV with <code>prompt,expected,tags</code>. Optional <code>tags</code> and <code>grader</code> per
        item; at most 5,000 items and 10 MB.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid min-w-56 flex-1 gap-1.5">
          <Label htmlFor="eval-set-file">File</Label>
          <Input
            key={fileFieldKey}
            id="eval-set-file"
            type="file"
            accept=".jsonl,.json,.ndjson,.csv,text/csv,application/json"
            onChange={async (event) => {
              const chosen = event.currentTarget.files?.[0];
              const next = chosen ? { name: chosen.name, text: await chosen.text() } : null;
              setFile(next);
              if (next && !nameTyped) setName(next.name.replace(/\.[^.]+$/, ""));
              await check(next);
            }}
          />
        </div>
        <div className="grid min-w-48 flex-1 gap-1.5">
          <Label htmlFor="eval-set-name">Name</Label>
          <Input
            id="eval-set-name"
            value={name}
            maxLength={200}
            onChange={(event) => {
              setName(event.target.value);
              setNameTyped(true);
            }}
            autoComplete="off"
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="eval-set-grader">Grader (items may name their own)</Label>
          <NativeSelect
            id="eval-set-grader"
            value={grader}
            onChange={(event) => {
              const next = event.target.value as GraderKind;
              setGrader(next);
              void check(file, next);
            }}
          >
            {GRADER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {GRADER_LABELS[kind]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="button" disabled={busy || !preview?.ok} onClick={() => void save()}>
          {busy ? <Spinner /> : <Upload aria-hidden="true" />}
          Save set
        </Button>
      </div>
      {preview ? <PreviewPanel preview={preview} /> : null}
    </section>
  );
}

function PreviewPanel({ preview }: { preview: SetPreview }) {
  if (!preview.ok) {
    return (
      <div data-testid="eval-set-problems" className="grid gap-2">
        <Alert>The file was not saved: fix these lines and choose it again.</Alert>
        <ul className="grid gap-1 text-sm">
          {preview.problems.map((problem) => (
            <li key={`${problem.line}-${problem.message}`} className="font-mono text-xs">
              {problem.line === null ? "File" : `Line ${problem.line}`}: {problem.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div data-testid="eval-set-preview" className="grid gap-2">
      <p role="status" className="text-sm">
        {preview.itemCount.toLocaleString("en-US")} items ({preview.format}){preview.tags.length > 0 ? `, tags: ${preview.tags.join(", ")}` : ""}.
      </p>
      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full text-sm">
          <caption className="sr-only">The first items of the file</caption>
          <thead className="border-b bg-muted/50 text-left text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Line
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Prompt
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Expected
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Tags
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((item) => (
              <tr key={item.line} className="border-b last:border-b-0 align-top">
                <td className="px-3 py-2 tabular-nums text-muted-foreground">{item.line}</td>
                <td className="max-w-md px-3 py-2 whitespace-pre-wrap break-words">{promptText(item.input)}</td>
                <td className="px-3 py-2 whitespace-pre-wrap break-words">{item.ideal.join(" | ")}</td>
                <td className="px-3 py-2 text-muted-foreground">{item.tags.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
