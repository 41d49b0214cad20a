import "server-only";
import { getStoredAccessSettings } from "@/lib/db/access-settings";
import { type Env, getEnv } from "@/lib/env";

export type AccessSettings = {
  allowedEmailDomains: string[];
  requireApproval: boolean;
  /** True while the admin never saved the list, so ALLOWED_EMAIL_DOMAINS applies. */
  isDomainListFromEnv: boolean;
};

/** The sign-up rules in force: what an admin saved, else the environment's ALLOWED_EMAIL_DOMAINS and no approval. */
export async function getAccessSettings(env: Env = getEnv()): Promise<AccessSettings> {
  const stored = await getStoredAccessSettings();
  return {
    allowedEmailDomains: stored.allowedEmailDomains ?? env.ALLOWED_EMAIL_DOMAINS,
    requireApproval: stored.requireApproval ?? false,
    isDomainListFromEnv: stored.allowedEmailDomains === null,
  };
}
