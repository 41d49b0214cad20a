import "server-only";
import pLimit from "p-limit";
import { getEvalSet, listEvalItems, type StoredEvalItem } from "@/lib/db/evals";
import { type EvalRunRow, endEvalRun, getEvalRun, listPendingResults, saveEvalResult, touchEvalRun } from "@/lib/db/evals-runs";
import { getUserById } from "@/lib/db/users";
import { type ChatModel, getChatModel } from "@/lib/models/chat-models";
import { checkChatQuota } from "@/lib/quota/check-chat-quota";
import { errorFields, log } from "@/lib/server/log";
import { callModel } from "./call-model";
import { CostBudget } from "./cost-budget";
import type { GraderKind } from "./eval-item";
import { gradeItem } from "./grade-item";

/** How often a running run tells the database it is alive, and learns whether it was ended elsewhere. */
const HEARTBEAT_MS = 5_000;

// The runs this process executes, each with the controller that stops its backend calls.
const globalForRuns = globalThis as unknown as { evalRuns?: Map<string, { controller: AbortController; done: Promise<void> }> };
const activeRuns = (globalForRuns.evalRuns ??= new Map());

/** Starts executing a running run in this process, apart from any request; a run already executing here is left be. */
export function startEvalRunInBackground(runId: string): void {
  if (activeRuns.has(runId)) return;
  const controller = new AbortController();
  const done = executeRun(runId, controller)
    .catch((error: unknown) => log.error({ area: "evals", runId, ...errorFields(error) }, "evaluation run failed"))
    .finally(() => activeRuns.delete(runId));
  activeRuns.set(runId, { controller, done });
}

/** Stops this process's backend calls for the run (the database status was already set by endEvalRun). */
export function abortLocalEvalRun(runId: string): void {
  activeRuns.get(runId)?.controller.abort();
}

/** Whether this process is executing the run. */
export function isEvalRunActiveHere(runId: string): boolean {
  return activeRuns.has(runId);
}

/** Resolves when this process has stopped executing the run (at once when it is not). */
export function evalRunSettled(runId: string): Promise<void> {
  return activeRuns.get(runId)?.done ?? Promise.resolve();
}

async function executeRun(runId: string, controller: AbortController): Promise<void> {
  const run = await getEvalRun(runId);
  if (!run || run.status !== "running") return;
  const setup = await prepare(run);
  if (typeof setup === "string") {
    await endEvalRun(runId, "stopped", setup);
    return;
  }
  const heartbeat = setInterval(() => {
    touchEvalRun(runId)
      .then((status) => {
        if (status !== "running") controller.abort();
      })
      .catch((error: unknown) => log.warn({ area: "evals", runId, ...errorFields(error) }, "evaluation heartbeat failed"));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const budget = new CostBudget(run.costCapUsd, run.costUsd);
    let stopping = false;
    const stop = async (reason: string) => {
      if (stopping || controller.signal.aborted) return;
      // Items already under way finish and are kept; nothing new starts.
      stopping = true;
      await endEvalRun(runId, "stopped", reason);
    };
    await Promise.all(
      setup.models.map(async (model) => {
        const limit = pLimit(run.concurrency);
        const pending = await listPendingResults(runId, model.id);
        await Promise.all(
          pending.map(({ id, itemId }) =>
            limit(async () => {
              if (stopping || controller.signal.aborted) return;
              const item = setup.items.get(itemId);
              if (!item) return;
              const reservation = budget.reserve(model.id);
              if (reservation === null) {
                await stop(`Stopped at the cost cap of $${run.costCapUsd}: the next items would pass it.`);
                return;
              }
              const refusal = await checkChatQuota({ id: run.createdById });
              if (refusal) {
                budget.settle(model.id, reservation, 0);
                await stop(`Stopped by the quota of the admin who started it: ${refusal.message}`);
                return;
              }
              const cost = await runItem({ run, resultId: id, model, item, setup, signal: controller.signal });
              budget.settle(model.id, reservation, cost);
            }),
          ),
        );
      }),
    );
    if (!stopping && !controller.signal.aborted) await endEvalRun(runId, "completed");
  } finally {
    clearInterval(heartbeat);
  }
}

interface RunSetup {
  models: ChatModel[];
  judge: ChatModel | null;
  items: Map<string, StoredEvalItem>;
  defaultGrader: GraderKind;
}

/** The run's models (as its admin may use them now), judge and items; a message when it cannot go on. */
async function prepare(run: EvalRunRow): Promise<RunSetup | string> {
  const user = await getUserById({ id: run.createdById });
  if (!user || user.status !== "active") return "The admin who started it no longer has an active account.";
  const models: ChatModel[] = [];
  for (const { id, name } of run.models) {
    const model = await getChatModel(user, id);
    if (!model) return `The model ${name} is no longer available.`;
    models.push(model);
  }
  const judge = run.judgeModelId ? await getChatModel(user, run.judgeModelId) : null;
  if (run.judgeModelId && !judge) return "The judge model is no longer available.";
  const set = await getEvalSet(run.setId);
  if (!set) return "The evaluation set was deleted.";
  const items = new Map((await listEvalItems(run.setId)).map((item) => [item.id, item]));
  return { models, judge, items, defaultGrader: set.grader };
}

/** Answers, grades and stores one item for one model; returns what it cost. A cancelled item stores nothing. */
async function runItem(input: {
  run: EvalRunRow;
  resultId: string;
  model: ChatModel;
  item: StoredEvalItem;
  setup: RunSetup;
  signal: AbortSignal;
}): Promise<number> {
  const { run, model, item, setup, signal } = input;
  const common = { userId: run.createdById, evalRunId: run.id, signal };
  const call = await callModel({ model, prompt: item.input, temperature: run.temperature, maxOutputTokens: run.maxOutputTokens, ...common });
  if (call.aborted) return call.costUsd;
  const measured = { ttftMs: call.ttftMs, totalMs: call.totalMs, inputTokens: call.inputTokens, outputTokens: call.outputTokens };
  if (call.error) {
    await saveEvalResult({
      runId: run.id,
      resultId: input.resultId,
      outcome: { status: "error", answer: call.text || null, correct: null, reason: null, error: call.error, ...measured, costUsd: call.costUsd },
    });
    return call.costUsd;
  }
  const grade = await gradeItem({
    kind: item.grader ?? setup.defaultGrader,
    item,
    answer: call.text,
    tolerance: run.tolerance,
    judge: setup.judge ? { model: setup.judge, rubric: run.rubric } : null,
    ...common,
  });
  const costUsd = call.costUsd + grade.judgeCostUsd;
  if ("aborted" in grade && grade.aborted) return costUsd;
  await saveEvalResult({
    runId: run.id,
    resultId: input.resultId,
    outcome:
      "error" in grade
        ? { status: "error", answer: call.text, correct: null, reason: null, error: grade.error, ...measured, costUsd }
        : { status: "done", answer: call.text, correct: grade.correct, reason: grade.reason, error: null, ...measured, costUsd },
  });
  return costUsd;
}
