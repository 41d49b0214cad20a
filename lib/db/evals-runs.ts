import "server-only";
import { getDb } from "./client";

// Evaluation runs and their per-item, per-model results. A run's results are created "pending" when it starts:
// progress is counted from them and a resumed run picks up the pending ones.

export const RUN_STATUSES = ["queued", "running", "completed", "cancelled", "stopped"] as const;
export type EvalRunStatus = (typeof RUN_STATUSES)[number];
export type EvalResultStatus = "pending" | "done" | "error" | "skipped";

export interface EvalRunModel {
  id: string;
  name: string;
}

export interface EvalRunSettings {
  temperature: number | null;
  maxOutputTokens: number | null;
  concurrency: number;
  costCapUsd: number | null;
  judgeModelId: string | null;
  rubric: string | null;
  tolerance: number | null;
}

export interface EvalRunRow extends EvalRunSettings {
  id: string;
  setId: string;
  createdById: string;
  models: EvalRunModel[];
  sampleSize: number | null;
  status: EvalRunStatus;
  stopReason: string | null;
  costUsd: number;
  heartbeatAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface EvalResultOutcome {
  status: "done" | "error";
  answer: string | null;
  correct: boolean | null;
  reason: string | null;
  error: string | null;
  ttftMs: number | null;
  totalMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number;
}

/** Rows per createMany: far under PostgreSQL's 65,535 bound parameters. */
const CHUNK = 2_000;

/** Creates the run, running from now, with one pending result per item and model, in one transaction. */
export async function createEvalRun(input: {
  setId: string;
  createdById: string;
  models: readonly EvalRunModel[];
  itemIds: readonly string[];
  sampleSize: number | null;
  settings: EvalRunSettings;
}): Promise<EvalRunRow> {
  const now = new Date();
  const row = await getDb().$transaction(
    async (tx) => {
      const run = await tx.evalRun.create({
        data: {
          setId: input.setId,
          createdById: input.createdById,
          models: input.models.map((model) => ({ id: model.id, name: model.name })),
          sampleSize: input.sampleSize,
          ...input.settings,
          status: "running",
          startedAt: now,
          heartbeatAt: now,
        },
      });
      const rows = input.models.flatMap((model) => input.itemIds.map((itemId) => ({ runId: run.id, itemId, modelId: model.id })));
      for (let start = 0; start < rows.length; start += CHUNK) await tx.evalResult.createMany({ data: rows.slice(start, start + CHUNK) });
      return run;
    },
    { timeout: 30_000 },
  );
  return toRun(row);
}

export async function getEvalRun(id: string): Promise<EvalRunRow | null> {
  const row = await getDb().evalRun.findUnique({ where: { id } });
  return row && toRun(row);
}

export async function listEvalRuns(): Promise<Array<EvalRunRow & { setName: string }>> {
  const rows = await getDb().evalRun.findMany({ orderBy: { createdAt: "desc" }, take: 200, include: { set: { select: { name: true } } } });
  return rows.map((row) => ({ ...toRun(row), setName: row.set.name }));
}

/** Results per model and status, with the time of the first and last finished one (for the ETA). */
export async function countEvalResults(runId: string): Promise<Array<{ modelId: string; status: EvalResultStatus; count: number }>> {
  const groups = await getDb().evalResult.groupBy({ by: ["modelId", "status"], where: { runId }, _count: { _all: true } });
  return groups.map((group) => ({ modelId: group.modelId, status: group.status as EvalResultStatus, count: group._count._all }));
}

/** The pending results of one model in item order. */
export async function listPendingResults(runId: string, modelId: string): Promise<Array<{ id: string; itemId: string }>> {
  return getDb().evalResult.findMany({
    where: { runId, modelId, status: "pending" },
    select: { id: true, itemId: true },
    orderBy: { item: { position: "asc" } },
  });
}

/** Stores one graded (or failed) result and adds its cost to the run's, in one transaction. */
export async function saveEvalResult(input: { runId: string; resultId: string; outcome: EvalResultOutcome }): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.evalResult.update({ where: { id: input.resultId }, data: input.outcome }),
    db.evalRun.update({ where: { id: input.runId }, data: { costUsd: { increment: input.outcome.costUsd } } }),
  ]);
}

/**
 * Marks the run alive and tells its status: the runner stops when another instance (or the admin) ended it. Null
 * when the run is gone.
 */
export async function touchEvalRun(id: string, now = new Date()): Promise<EvalRunStatus | null> {
  await getDb().evalRun.updateMany({ where: { id, status: "running" }, data: { heartbeatAt: now } });
  const row = await getDb().evalRun.findUnique({ where: { id }, select: { status: true } });
  return (row?.status as EvalRunStatus | undefined) ?? null;
}

/** Running runs whose heartbeat is older than `staleBefore`: their instance is gone. */
export async function listStaleEvalRuns(staleBefore: Date): Promise<string[]> {
  const rows = await getDb().evalRun.findMany({
    where: { status: "running", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }] },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Takes over a stale running run: true for exactly one of several instances racing for it. */
export async function claimStaleEvalRun(id: string, staleBefore: Date, now = new Date()): Promise<boolean> {
  const { count } = await getDb().evalRun.updateMany({
    where: { id, status: "running", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }] },
    data: { heartbeatAt: now },
  });
  return count === 1;
}

/**
 * Ends a run that is still queued or running, with its status and why; its pending results become skipped. False
 * when it had already ended (the first end wins).
 */
export async function endEvalRun(id: string, status: Exclude<EvalRunStatus, "queued" | "running">, stopReason: string | null = null): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const ended = await tx.evalRun.updateMany({
      where: { id, status: { in: ["queued", "running"] } },
      data: { status, stopReason, finishedAt: new Date() },
    });
    if (ended.count === 0) return false;
    await tx.evalResult.updateMany({ where: { runId: id, status: "pending" }, data: { status: "skipped" } });
    return true;
  });
}

export interface EvalResultRow extends EvalResultOutcome {
  itemId: string;
  modelId: string;
  resultStatus: EvalResultStatus;
}

/** Every result of the run (for the results page and the export). */
export async function listEvalResults(runId: string): Promise<EvalResultRow[]> {
  const rows = await getDb().evalResult.findMany({ where: { runId }, orderBy: [{ item: { position: "asc" } }, { modelId: "asc" }] });
  return rows.map((row) => ({
    itemId: row.itemId,
    modelId: row.modelId,
    resultStatus: row.status as EvalResultStatus,
    status: row.status === "error" ? "error" : "done",
    answer: row.answer,
    correct: row.correct,
    reason: row.reason,
    error: row.error,
    ttftMs: row.ttftMs,
    totalMs: row.totalMs,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    costUsd: row.costUsd,
  }));
}

type RunRecord = {
  id: string;
  setId: string;
  createdById: string;
  models: unknown;
  sampleSize: number | null;
  temperature: number | null;
  maxOutputTokens: number | null;
  concurrency: number;
  costCapUsd: number | null;
  judgeModelId: string | null;
  rubric: string | null;
  tolerance: number | null;
  status: string;
  stopReason: string | null;
  costUsd: number;
  heartbeatAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

function toRun(row: RunRecord): EvalRunRow {
  const models = Array.isArray(row.models)
    ? row.models.filter((model): model is EvalRunModel => typeof model === "object" && model !== null && typeof (model as EvalRunModel).id === "string")
    : [];
  return {
    id: row.id,
    setId: row.setId,
    createdById: row.createdById,
    models,
    sampleSize: row.sampleSize,
    temperature: row.temperature,
    maxOutputTokens: row.maxOutputTokens,
    concurrency: row.concurrency,
    costCapUsd: row.costCapUsd,
    judgeModelId: row.judgeModelId,
    rubric: row.rubric,
    tolerance: row.tolerance,
    status: row.status as EvalRunStatus,
    stopReason: row.stopReason,
    costUsd: row.costUsd,
    heartbeatAt: row.heartbeatAt,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
