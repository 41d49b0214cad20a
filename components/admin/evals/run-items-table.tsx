"use client";

import { useState } from "react";
import { promptText } from "@/lib/evals/eval-item";
import type { RunResults } from "@/lib/evals/run-report";

type Result = RunResults["results"][number];

/** A disagreement: the models' verdicts on the item differ (an error counts as its own verdict). */
function verdictOf(result: Result | undefined): string {
  if (!result) return "none";
  if (result.resultStatus !== "done") return result.resultStatus;
  return result.correct ? "correct" : "wrong";
}

/** Every item with the answers side by side and the verdicts; filterable to the items the models disagree on. */
export function RunItemsTable({ report, names }: { report: RunResults; names: Map<string, string> }) {
  const [onlyDisagreements, setOnlyDisagreements] = useState(false);
  const modelIds = report.run.models.map((model) => model.id);
  const byItem = new Map<string, Map<string, Result>>();
  for (const result of report.results) {
    const row = byItem.get(result.itemId) ?? new Map<string, Result>();
    row.set(result.modelId, result);
    byItem.set(result.itemId, row);
  }
  const rows = report.items.filter((item) => {
    if (!onlyDisagreements) return true;
    const verdicts = new Set(modelIds.map((id) => verdictOf(byItem.get(item.id)?.get(id))));
    return verdicts.size > 1;
  });
  return (
    <section aria-labelledby="run-items-heading" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="run-items-heading" className="text-base font-semibold">
          Items ({rows.length})
        </h2>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" checked={onlyDisagreements} onChange={(event) => setOnlyDisagreements(event.target.checked)} />
          Only where the models disagree
        </label>
      </div>
      <div className="overflow-x-auto rounded-xl border bg-card">
        <table className="w-full text-sm" data-testid="run-items">
          <caption className="sr-only">Each item with every model&apos;s answer and verdict</caption>
          <thead className="border-b bg-muted/50 text-left text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="px-3 py-2.5 font-medium">
                #
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                Prompt and expected
              </th>
              {modelIds.map((id) => (
                <th key={id} scope="col" className="px-3 py-2.5 font-medium">
                  {names.get(id) ?? id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => (
              <tr key={item.id} data-testid="run-item-row" className="border-b align-top last:border-b-0">
                <td className="px-3 py-2.5 tabular-nums text-muted-foreground">{item.position + 1}</td>
                <td className="max-w-sm px-3 py-2.5">
                  <p className="whitespace-pre-wrap break-words">{promptText(item.input)}</p>
                  <p className="mt-1 text-xs text-muted-foreground">Expected: {item.ideal.join(" | ")}</p>
                  {item.tags.length > 0 ? <p className="mt-0.5 text-xs text-muted-foreground">Tags: {item.tags.join(", ")}</p> : null}
                </td>
                {modelIds.map((id) => {
                  const result = byItem.get(item.id)?.get(id);
                  const verdict = verdictOf(result);
                  return (
                    <td key={id} className="max-w-xs px-3 py-2.5">
                      <span
                        className={
                          verdict === "correct"
                            ? "font-medium text-success"
                            : verdict === "wrong" || verdict === "error"
                              ? "font-medium text-destructive"
                              : "text-muted-foreground"
                        }
                      >
                        {verdict}
                      </span>
                      {result?.answer ? <p className="mt-1 line-clamp-4 whitespace-pre-wrap break-words">{result.answer}</p> : null}
                      {result?.reason || result?.error ? <p className="mt-1 text-xs text-muted-foreground">{result.reason ?? result.error}</p> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
