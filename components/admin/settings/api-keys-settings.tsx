import { AdminSection } from "@/components/admin/admin-section";
import { adminApiKeyView } from "@/lib/api-keys/view";
import { getApiKeyPolicy } from "@/lib/db/api-key-settings";
import { listAllApiKeys } from "@/lib/db/api-keys";
import { listAccessGroups } from "@/lib/db/model-access";
import { ApiKeysAdmin } from "./api-keys-admin";

/** Settings section: personal API keys, who may have them, and every key (a server component). */
export async function ApiKeySettings() {
  const [policy, groups, keys] = await Promise.all([getApiKeyPolicy(), listAccessGroups(), listAllApiKeys()]);
  const now = new Date();
  return (
    <AdminSection
      id="settings-api-keys"
      title="API keys"
      description={
        <>
          Personal keys for the OpenAI-compatible API (<code className="font-mono">/v1</code>), made by users on their account page. Requests with a key get the
          same model access, quotas, usage records and audit as the chat.
        </>
      }
    >
      <ApiKeysAdmin initialPolicy={policy} groups={groups} initialKeys={keys.map((key) => adminApiKeyView(key, now))} />
    </AdminSection>
  );
}
