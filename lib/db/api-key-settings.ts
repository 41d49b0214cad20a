import "server-only";
import { z } from "zod";
import { getDb } from "./client";

// One settings row: whether personal API keys are on, and for which groups (none listed: everyone).

const KEY = "apiKeys.policy";

export type ApiKeyPolicy = { enabled: boolean; groupIds: string[] };

/** The default: on for everyone, as the web chat is. */
const DEFAULT_POLICY: ApiKeyPolicy = { enabled: true, groupIds: [] };

const storedSchema = z.object({ enabled: z.boolean(), groupIds: z.array(z.string()) });

export async function getApiKeyPolicy(): Promise<ApiKeyPolicy> {
  const row = await getDb().setting.findUnique({ where: { key: KEY } });
  const parsed = storedSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_POLICY;
}

/** Returns the previous policy. */
export async function setApiKeyPolicy(policy: ApiKeyPolicy): Promise<ApiKeyPolicy> {
  return getDb().$transaction(async (tx) => {
    const previousRow = await tx.setting.findUnique({ where: { key: KEY } });
    const previous = storedSchema.safeParse(previousRow?.value);
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: policy }, update: { value: policy } });
    return previous.success ? previous.data : DEFAULT_POLICY;
  });
}

export async function isMemberOfAny({ userId, groupIds }: { userId: string; groupIds: string[] }): Promise<boolean> {
  if (groupIds.length === 0) return false;
  return (await getDb().groupMember.count({ where: { userId, groupId: { in: groupIds } } })) > 0;
}
