import type { ModelOption } from "@/lib/chat/types";

/** A model's name as a <select> option shows it: demo models say so even when their name does not. */
export function modelOptionLabel(model: ModelOption): string {
  return model.demo && !/\bdemo\b/i.test(model.name) ? `${model.name} (Demo)` : model.name;
}

/** The name of the model that wrote an answer; it may have been removed since. */
export function answerModelName(models: ModelOption[], modelId: string | null | undefined): string {
  if (!modelId) return "Assistant";
  return models.find((model) => model.id === modelId)?.name ?? modelId;
}
