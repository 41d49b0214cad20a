import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createEvalSet, evalSetNameExists } from "@/lib/db/evals";
import { readUpload } from "./preview";

/**
 * Loads the evaluation sets in `dir` (EVAL_SETS_DIR): each .jsonl or .csv file becomes a set named after the file,
 * graded by exact match unless its items name a grader, unless a set of that name exists. A bad file is skipped and
 * named in the returned line (the start goes on: sets are not needed to serve). Returns one line for the start log.
 */
export async function provisionEvalSets(dir: string | undefined): Promise<string | null> {
  if (!dir) return null;
  const files = (await readdir(dir)).filter((file) => /\.(jsonl|csv)$/i.test(file)).sort();
  const loaded: string[] = [];
  const refused: string[] = [];
  for (const file of files) {
    const name = file.replace(/\.[^.]+$/, "");
    if (await evalSetNameExists(name)) continue;
    const { preview, items } = readUpload(await readFile(path.join(dir, file), "utf8"), "exact", file);
    if (!preview.ok || !preview.format) {
      const first = preview.problems[0];
      refused.push(`${file}${first ? ` (line ${first.line ?? "-"}: ${first.message})` : ""}`);
      continue;
    }
    await createEvalSet({ name, format: preview.format, grader: "exact", items, createdById: null });
    loaded.push(`${name} (${items.length} items)`);
  }
  const parts = [loaded.length ? `loaded ${loaded.join(", ")}` : null, refused.length ? `refused ${refused.join(", ")}` : null].filter(Boolean);
  return `[evals] ${dir}: ${parts.length ? parts.join("; ") : "nothing new"}`;
}
