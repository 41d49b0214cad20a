import "server-only";
import type { ChatModel } from "@/lib/models/chat-models";
import { checkChatQuota, type QuotaRefusal } from "@/lib/quota/check-chat-quota";

/**
 * The quota check of a Compare run, before anything is stored or started: once per model, since each answer costs
 * like a normal message (the per-minute limit counts every one of them). The first refusal, or null.
 */
export async function checkCompareQuota(user: { id: string }, models: readonly ChatModel[]): Promise<QuotaRefusal | null> {
  for (let checked = 0; checked < models.length; checked++) {
    const refusal = await checkChatQuota(user);
    if (refusal) return refusal;
  }
  return null;
}
