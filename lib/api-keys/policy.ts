import "server-only";
import { getApiKeyPolicy, isMemberOfAny } from "@/lib/db/api-key-settings";

/**
 * Whether this user may hold and use personal API keys: the feature is on, and either no groups are listed or the
 * user is in one of them. Admins are not exempt: turning the feature off turns it off for everyone.
 */
export async function mayUseApiKeys(user: { id: string }): Promise<boolean> {
  const policy = await getApiKeyPolicy();
  if (!policy.enabled) return false;
  if (policy.groupIds.length === 0) return true;
  return isMemberOfAny({ userId: user.id, groupIds: policy.groupIds });
}
