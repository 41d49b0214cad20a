import "server-only";
import type { ConversationRow } from "@/lib/db/conversations";
import { listMessages } from "@/lib/db/messages";
import type { ChatModel } from "@/lib/models/chat-models";
import type { CompareRequest } from "./compare-input";
import { previewAnswerSettings } from "./conversation-settings";
import type { GenerationTuning } from "./generation";
import type { HistoryTurn } from "./history";
import { activePath } from "./message-tree";
import { buildModelPrompt } from "./model-prompt";
import { checkPromptPrivacy, mayCountRemotely, modelPrivacy, privacyApiError, type SendablePrompt } from "./privacy-guard";
import { storedText } from "./stored-message";

export type GuardedComparePrompt = SendablePrompt & { promptTokens: number };

/**
 * The prompt each model of a Compare run will be sent, built from what is stored now and passed through that
 * model's privacy policy before anything is stored. Any block refuses the whole run (422); else the first model
 * that needs a confirmation does (409): the same acknowledged counts then pass every model.
 */
export async function guardComparePrompts(
  userId: string,
  input: CompareRequest,
  conversation: ConversationRow | null,
  models: readonly ChatModel[],
  tuning: GenerationTuning,
): Promise<GuardedComparePrompt[]> {
  const rows = conversation ? await listMessages(conversation.id) : [];
  const history: HistoryTurn[] = activePath(rows, conversation?.activeMessageId ?? null).map((row) => ({
    role: row.role,
    text: storedText(row.parts),
    status: row.status,
  }));
  history.push({ role: "user", text: input.prompt, status: "complete" });
  const checks = await Promise.all(
    models.map(async (model) => {
      const settings = previewAnswerSettings(conversation, model, undefined);
      const maxOutputTokens = settings.generation.maxOutputTokens ?? model.config.maxOutputTokens;
      const privacy = await modelPrivacy(model);
      const countRemotely = mayCountRemotely(privacy);
      const planned = await buildModelPrompt(model, history, settings.systemPrompt, maxOutputTokens, tuning.modelDeps, { countRemotely });
      const check = await checkPromptPrivacy({ userId, model, prompt: planned.prompt, acknowledged: input.privacyAcknowledged, surface: "compare", privacy });
      return { check, promptTokens: planned.promptTokens };
    }),
  );
  const refusals = checks.flatMap(({ check }) => (check.ok ? [] : [check.refusal]));
  const refusal = refusals.find((r) => r.code === "privacy_blocked") ?? refusals[0];
  if (refusal) throw privacyApiError(refusal);
  return checks.flatMap(({ check, promptTokens }) => (check.ok ? [{ ...check.sendable, promptTokens }] : []));
}
