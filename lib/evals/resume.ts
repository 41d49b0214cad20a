import "server-only";
import { claimStaleEvalRun, listStaleEvalRuns } from "@/lib/db/evals-runs";
import { errorFields, log } from "@/lib/server/log";
import { isEvalRunActiveHere, startEvalRunInBackground } from "./runner";

// A running run writes a heartbeat every few seconds (runner.ts). One whose heartbeat stopped belongs to an instance
// that is gone (killed, restarted): another instance takes it over and goes on with its pending items. At start on
// SQLite every running run is this process's to resume (the instance lock makes it the only one).
const STALE_AFTER_MS = 60_000;
const SWEEP_EVERY_MS = 60_000;

/** Takes over and resumes the runs left running by a gone instance; returns their ids. */
export async function resumeEvalRuns({ all = false, now = new Date() }: { all?: boolean; now?: Date } = {}): Promise<string[]> {
  const staleBefore = all ? now : new Date(now.getTime() - STALE_AFTER_MS);
  const resumed: string[] = [];
  for (const id of await listStaleEvalRuns(staleBefore)) {
    if (isEvalRunActiveHere(id)) continue;
    if (!(await claimStaleEvalRun(id, staleBefore, now))) continue;
    startEvalRunInBackground(id);
    resumed.push(id);
  }
  return resumed;
}

/** At start: resumes what the last process left running, then looks for orphaned runs every minute. */
export async function resumeEvalRunsAtStart(provider: "sqlite" | "postgres"): Promise<number> {
  const resumed = await resumeEvalRuns({ all: provider === "sqlite" });
  const timer = setInterval(() => {
    resumeEvalRuns().catch((error: unknown) => log.error({ area: "evals", ...errorFields(error) }, "could not resume evaluation runs"));
  }, SWEEP_EVERY_MS);
  timer.unref();
  return resumed.length;
}
