import "server-only";
import { getChatModel } from "@/lib/models/chat-models";
import { maxOutputTokensLimit } from "./generation-settings";
import type { ModelOption } from "./types";

/** A model for forms that check settings: its name and answer-length ceiling (nothing secret). */
export interface ModelLimit {
  id: string;
  name: string;
  maxOutputTokensLimit: number;
}

export async function listModelLimits(user: { id: string; role: "admin" | "user" }, models: ModelOption[]): Promise<ModelLimit[]> {
  const chatModels = await Promise.all(models.map((model) => getChatModel(user, model.id)));
  return chatModels.flatMap((model) => (model ? [{ id: model.id, name: model.name, maxOutputTokensLimit: maxOutputTokensLimit(model) }] : []));
}
