import "server-only";
import { getDb } from "./client";

// Sign-up rules an admin sets in the console. A key never saved is absent, so the environment's default applies.
const ALLOWED_DOMAINS_KEY = "access.allowedEmailDomains";
const REQUIRE_APPROVAL_KEY = "access.requireApproval";

export type StoredAccessSettings = { allowedEmailDomains: string[] | null; requireApproval: boolean | null };

export async function getStoredAccessSettings(): Promise<StoredAccessSettings> {
  const rows = await getDb().setting.findMany({ where: { key: { in: [ALLOWED_DOMAINS_KEY, REQUIRE_APPROVAL_KEY] } } });
  const valueOf = (key: string) => rows.find((row) => row.key === key)?.value;
  const domains = valueOf(ALLOWED_DOMAINS_KEY);
  const approval = valueOf(REQUIRE_APPROVAL_KEY);
  return {
    allowedEmailDomains: Array.isArray(domains) ? domains.filter((domain): domain is string => typeof domain === "string") : null,
    requireApproval: typeof approval === "boolean" ? approval : null,
  };
}

export async function saveAccessSettings({ allowedEmailDomains, requireApproval }: { allowedEmailDomains: string[]; requireApproval: boolean }) {
  const db = getDb();
  await db.$transaction([
    db.setting.upsert({
      where: { key: ALLOWED_DOMAINS_KEY },
      create: { key: ALLOWED_DOMAINS_KEY, value: allowedEmailDomains },
      update: { value: allowedEmailDomains },
    }),
    db.setting.upsert({
      where: { key: REQUIRE_APPROVAL_KEY },
      create: { key: REQUIRE_APPROVAL_KEY, value: requireApproval },
      update: { value: requireApproval },
    }),
  ]);
}
