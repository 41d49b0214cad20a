import "server-only";
import { ApiError } from "@/lib/api/errors";
import { getEvalSet, listEvalItems } from "@/lib/db/evals";
import { createEvalRun, type EvalRunRow } from "@/lib/db/evals-runs";
import type { ModelUser } from "@/lib/db/model-access";
import { type ChatModel, getChatModel } from "@/lib/models/chat-models";
import type { StartRunInput } from "./run-input";
import { startEvalRunInBackground } from "./runner";

const DEFAULT_CONCURRENCY = 2;

/**
 * Checks and starts a run: the set exists, every model (and the judge, needed when any item is model-graded) is one
 * the admin may use, the sample fits; then creates its pending results and runs it in the background.
 */
export async function startEvalRun(user: ModelUser, input: StartRunInput): Promise<EvalRunRow> {
  const set = await getEvalSet(input.setId);
  if (!set) throw new ApiError("not_found", "No such evaluation set.");
  const models: ChatModel[] = [];
  for (const id of input.modelIds) {
    const model = await getChatModel(user, id);
    if (!model) throw new ApiError("bad_request", `The model "${id}" is not available.`);
    models.push(model);
  }
  const items = await listEvalItems(set.id);
  const needsJudge = set.grader === "model" || items.some((item) => item.grader === "model");
  if (needsJudge && !input.judgeModelId) throw new ApiError("bad_request", "This set has model-graded items: pick a judge model.");
  if (input.judgeModelId && !(await getChatModel(user, input.judgeModelId))) throw new ApiError("bad_request", "The judge model is not available.");
  const sampleSize = input.sampleSize && input.sampleSize < items.length ? input.sampleSize : null;
  const chosen = sampleSize ? sample(items, sampleSize) : items;
  const run = await createEvalRun({
    setId: set.id,
    createdById: user.id,
    models: models.map((model) => ({ id: model.id, name: model.name })),
    itemIds: chosen.map((item) => item.id),
    sampleSize,
    settings: {
      temperature: input.temperature ?? null,
      maxOutputTokens: input.maxOutputTokens ?? null,
      concurrency: input.concurrency ?? DEFAULT_CONCURRENCY,
      costCapUsd: input.costCapUsd ?? null,
      judgeModelId: needsJudge ? (input.judgeModelId ?? null) : null,
      rubric: input.rubric?.trim() ? input.rubric : null,
      tolerance: input.tolerance ?? null,
    },
  });
  startEvalRunInBackground(run.id);
  return run;
}

/** `count` items drawn at random without repeats, in their file order. */
function sample<T extends { position: number }>(items: readonly T[], count: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count).sort((a, b) => a.position - b.position);
}
