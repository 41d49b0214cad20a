import type { GraderKind } from "@/lib/evals/eval-item";

export const GRADER_LABELS: Record<GraderKind, string> = {
  exact: "Exact match",
  contains: "Contains",
  regex: "Regular expression",
  choice: "Multiple choice letter",
  json: "JSON equality",
  number: "Number",
  model: "Model-graded (judge)",
};
