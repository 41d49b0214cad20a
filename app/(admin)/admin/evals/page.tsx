import type { Metadata } from "next";
import Link from "next/link";
import { AdminPage } from "@/components/admin/admin-page";
import { GRADER_LABELS } from "@/components/admin/evals/grader-labels";
import { StartRunForm } from "@/components/admin/evals/start-run-form";
import { UploadSetForm } from "@/components/admin/evals/upload-set-form";
import { NativeSelect } from "@/components/admin/native-select";
import { Button } from "@/components/ui/button";
import { requireEvaluator } from "@/lib/auth/evaluator";
import { listEvalSets } from "@/lib/db/evals";
import { listEvalRuns } from "@/lib/db/evals-runs";
import { listModelOptions } from "@/lib/models/chat-models";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Evaluations · Admin" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

type RunOption = { id: string; setName: string; createdAt: Date; models: Array<{ name: string }> };

const runLabel = (run: RunOption) => `${run.setName} · ${dateFormat.format(run.createdAt)} · ${run.models.map((model) => model.name).join(", ")}`;

/** One side of "Compare runs": any run, by its set, date and models. */
function RunSelect({ label, name, runs, defaultValue }: { label: string; name: string; runs: RunOption[]; defaultValue: string | undefined }) {
  return (
    <label className="grid gap-1.5">
      {label}
      <NativeSelect name={name} defaultValue={defaultValue}>
        {runs.map((run) => (
          <option key={run.id} value={run.id}>
            {runLabel(run)}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}

export default async function AdminEvalsPage() {
  const user = await requireEvaluator("/admin/evals");
  const [sets, runs, models] = await Promise.all([listEvalSets(), listEvalRuns(), listModelOptions(user)]);
  return (
    <AdminPage
      title="Evaluations"
      description="Run a set of prompts with expected answers over several models: accuracy, latency and cost side by side. Runs count in your usage."
    >
      <div className="grid gap-6">
        <UploadSetForm />
        <StartRunForm
          sets={sets.map((set) => ({ id: set.id, name: set.name, itemCount: set.itemCount }))}
          models={models.map((model) => ({ id: model.id, name: model.name }))}
        />
        <section aria-labelledby="eval-runs-heading" className="grid gap-3">
          <h2 id="eval-runs-heading" className="text-base font-semibold">
            Runs
          </h2>
          {runs.length === 0 ? (
            <p className="rounded-xl border border-dashed p-6 text-center text-sm text-muted-foreground">No runs yet.</p>
          ) : (
            <>
              {runs.length > 1 ? (
                <form action="/admin/evals/compare" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card px-4 py-3 text-sm">
                  <RunSelect label="Run A" name="a" runs={runs} defaultValue={runs[1]?.id} />
                  <RunSelect label="Run B" name="b" runs={runs} defaultValue={runs[0]?.id} />
                  <Button type="submit" variant="secondary">
                    Compare runs
                  </Button>
                </form>
              ) : null}
              <ul className="grid gap-2" data-testid="eval-runs">
                {runs.map((run) => (
                  <li key={run.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border bg-card px-4 py-3 text-sm">
                    <Link href={`/admin/evals/runs/${run.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                      {run.setName} · {run.models.map((model) => model.name).join(" vs ")}
                    </Link>
                    <span className="text-muted-foreground">
                      {run.status} · {dateFormat.format(run.createdAt)} UTC
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section aria-labelledby="eval-sets-heading" className="grid gap-3">
          <h2 id="eval-sets-heading" className="text-base font-semibold">
            Sets
          </h2>
          {sets.length === 0 ? (
            <p className="rounded-xl border border-dashed p-6 text-center text-sm text-muted-foreground">No sets yet: upload one above.</p>
          ) : (
            <ul className="grid gap-2" data-testid="eval-sets">
              {sets.map((set) => (
                <li key={set.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border bg-card px-4 py-3 text-sm">
                  <span className="font-medium">{set.name}</span>
                  <span className="text-muted-foreground">
                    {set.itemCount} items · {set.format} · {GRADER_LABELS[set.grader]}
                    {set.tags.length > 0 ? ` · ${set.tags.join(", ")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </AdminPage>
  );
}
