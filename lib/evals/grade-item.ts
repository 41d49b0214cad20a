import "server-only";
import type { ChatModel } from "@/lib/models/chat-models";
import { callModel } from "./call-model";
import type { EvalTurn, GraderKind } from "./eval-item";
import { gradeWithRule } from "./graders";
import { DEFAULT_RUBRIC, judgePrompt, parseJudgeVerdict } from "./judge";

export type Grade = { correct: boolean; reason: string; judgeCostUsd: number } | { error: string; judgeCostUsd: number; aborted?: boolean };

/** Grades one answer: by rule, or by the run's judge model with its rubric (the judge's call counts as the run's). */
export async function gradeItem(input: {
  kind: GraderKind;
  item: { input: EvalTurn[]; ideal: string[] };
  answer: string;
  tolerance: number | null;
  judge: { model: ChatModel; rubric: string | null } | null;
  userId: string;
  evalRunId: string;
  signal: AbortSignal;
}): Promise<Grade> {
  if (input.kind !== "model") {
    return { ...gradeWithRule(input.kind, input.answer, input.item.ideal, { tolerance: input.tolerance ?? undefined }), judgeCostUsd: 0 };
  }
  if (!input.judge) return { error: "model-graded item, but the run has no judge model", judgeCostUsd: 0 };
  const call = await callModel({
    model: input.judge.model,
    prompt: [{ role: "user", content: judgePrompt(input.judge.rubric ?? DEFAULT_RUBRIC, input.item, input.answer) }],
    temperature: 0,
    maxOutputTokens: null,
    userId: input.userId,
    evalRunId: input.evalRunId,
    signal: input.signal,
  });
  if (call.aborted) return { error: "cancelled", judgeCostUsd: call.costUsd, aborted: true };
  if (call.error) return { error: `judge: ${call.error}`, judgeCostUsd: call.costUsd };
  const verdict = parseJudgeVerdict(call.text);
  if ("unreadable" in verdict) return { error: `judge: ${verdict.unreadable}`, judgeCostUsd: call.costUsd };
  return { ...verdict, judgeCostUsd: call.costUsd };
}
