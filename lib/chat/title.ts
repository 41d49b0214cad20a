import "server-only";
import { generateText } from "ai";
import { readChatMetadata } from "@/lib/ai/metadata";
import { createLanguageModel, type LanguageModelDeps } from "@/lib/ai/registry";
import { setTitleIfUnset } from "@/lib/db/conversations";
import { getSettings } from "@/lib/db/settings";
import type { UsageInput } from "@/lib/db/usage";
import { type ChatModel, getChatModel } from "@/lib/models/chat-models";
import type { PlaceholderTable } from "@/lib/privacy/placeholders";
import { restorePlaceholders } from "@/lib/privacy/restore";
import { errorFields, log } from "@/lib/server/log";
import { checkPromptPrivacy, type ModelPrivacy } from "./privacy-guard";
import { fallbackTitle, sanitizeTitle } from "./title-text";

/** Admins may name a cheap model for titles; without one (or if this user may not use it) the chat's model writes it. */
export const TITLE_MODEL_SETTING = "chat.titleModelId";

const TITLE_TIMEOUT_MS = 15_000;
const TITLE_INSTRUCTIONS =
  "You name conversations. Reply with a title of at most six words for the conversation that starts with the user's message below. " +
  "Reply with the title only: no quotes, no punctuation at the end.";

export interface TitleRequest {
  user: { id: string; role: "admin" | "user" };
  conversationId: string;
  chatModel: ChatModel;
  /**
   * The chat model's privacy as this request's answer was checked with (modelPrivacy): the title sends part of that
   * same prompt to the same model, so it is checked the same way without reading the settings again.
   */
  chatPrivacy?: ModelPrivacy;
  /** The title model setting's stored value as the answer read it with its other settings; undefined: read it here. */
  titleModelSetting?: unknown;
  firstUserText: string;
  modelDeps?: LanguageModelDeps;
}

/**
 * Gives a conversation its automatic title once: a model's short title, else the start of the first message.
 * Resolves to the title it set, or null if a title was set meanwhile. Never rejects: a title must not affect the chat.
 */
export async function createConversationTitle(request: TitleRequest): Promise<string | null> {
  try {
    const fromModel = await titleFromModel(request);
    const title = fromModel.title || fallbackTitle(request.firstUserText);
    // The title model's call is recorded in the same write (one round trip on PostgreSQL).
    return (await setTitleIfUnset(request.conversationId, title, fromModel.usage)) ? title : null;
  } catch (error) {
    log.error({ area: "chat", conversationId: request.conversationId, ...errorFields(error) }, "could not set a title");
    return null;
  }
}

/** The model's title ("" when there is none) and the usage record of its call (null when no call was made). */
async function titleFromModel(request: TitleRequest): Promise<{ title: string; usage: UsageInput | null }> {
  const model = await titleModel(request);
  const guarded = await titleRequestText(request, model);
  if (guarded === null) return { title: "", usage: null };
  const startedAt = Date.now();
  try {
    const result = await generateText({
      model: createLanguageModel(model.config, request.modelDeps),
      instructions: TITLE_INSTRUCTIONS,
      prompt: guarded.text,
      temperature: 0.2,
      maxOutputTokens: 24,
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(TITLE_TIMEOUT_MS),
    });
    const usage: UsageInput = {
      userId: request.user.id,
      modelId: model.id,
      prices: model.prices,
      conversationId: request.conversationId,
      inputTokens: result.totalUsage.inputTokens ?? 0,
      outputTokens: result.totalUsage.outputTokens ?? 0,
      estimated:
        result.totalUsage.inputTokens === undefined ||
        result.totalUsage.outputTokens === undefined ||
        readChatMetadata(result.providerMetadata)?.usageEstimated === true,
      latencyMs: Date.now() - startedAt,
    };
    const title = result.finishReason === "content-filter" ? "" : sanitizeTitle(guarded.table ? restorePlaceholders(result.text, guarded.table) : result.text);
    return { title, usage };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    log.warn({ area: "chat", conversationId: request.conversationId, modelId: model.id, reason: detail }, "title model failed, using the first message");
    return { title: "", usage: null };
  }
}

/**
 * The first message as the title model may receive it under its privacy policy: redacted where the policy says so
 * (the title comes back with the originals), or null (no model title: the start of the message, which stays in the
 * app) when the policy blocks or wants a confirmation, which a background title cannot ask for. Redacted title
 * calls are not audited on their own: the answer's request already was.
 */
async function titleRequestText(request: TitleRequest, model: ChatModel): Promise<{ text: string; table: PlaceholderTable | null } | null> {
  const prompt = [{ role: "user" as const, content: request.firstUserText.slice(0, 2_000) }];
  // Another title model has a policy of its own: loaded for it.
  const privacy = model === request.chatModel ? request.chatPrivacy : undefined;
  const check = await checkPromptPrivacy({ userId: request.user.id, model, prompt, surface: "title", privacy });
  if (!check.ok) return null;
  return { text: check.sendable.prompt[0]?.content ?? "", table: check.sendable.table };
}

async function titleModel(request: TitleRequest): Promise<ChatModel> {
  const id =
    request.titleModelSetting !== undefined
      ? request.titleModelSetting
      : await getSettings([TITLE_MODEL_SETTING])
          .then((values) => values.get(TITLE_MODEL_SETTING))
          .catch(() => null);
  if (typeof id !== "string" || id === "" || id === request.chatModel.id) return request.chatModel;
  return (await getChatModel(request.user, id)) ?? request.chatModel;
}
