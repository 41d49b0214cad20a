import "server-only";
import { getDb } from "./client";

export interface UsageInput {
  userId: string;
  modelId: string | null;
  conversationId?: string | null;
  messageId?: string | null;
  inputTokens: number;
  outputTokens: number;
  estimated: boolean;
  latencyMs?: number | null;
}

/** One row per backend call (answers and titles alike); dashboards and quotas add these up. */
export async function recordUsage(input: UsageInput): Promise<void> {
  await getDb().usageRecord.create({
    data: {
      userId: input.userId,
      modelId: input.modelId,
      conversationId: input.conversationId ?? null,
      messageId: input.messageId ?? null,
      inputTokens: input.inputTokens,
      outputTokens: input.outputTokens,
      usageIsEstimated: input.estimated,
      latencyMs: input.latencyMs ?? null,
    },
  });
}
