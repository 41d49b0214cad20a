import { AccountSection } from "@/components/account/account-section";
import { mayUseApiKeys } from "@/lib/api-keys/policy";
import { listOwnApiKeys } from "@/lib/api-keys/service";
import { apiKeyView } from "@/lib/api-keys/view";
import { getEnv } from "@/lib/env";
import { ApiKeysSection } from "./api-keys-section";

/** Account page card: personal API keys for OpenAI-compatible tools (a server component). */
export async function ApiKeysCard({ userId }: { userId: string }) {
  const [allowed, keys] = await Promise.all([mayUseApiKeys({ id: userId }), listOwnApiKeys({ id: userId })]);
  const now = new Date();
  return (
    <AccountSection
      id="account-api-keys"
      title="API keys"
      description="Use the models you may use here from your own tools (IDE assistants, scripts, notebooks) through an OpenAI-compatible API, under your limits. Requests are recorded in your usage."
    >
      <ApiKeysSection initialKeys={keys.map((key) => apiKeyView(key, now))} allowed={allowed} baseUrl={`${getEnv().APP_URL.replace(/\/$/, "")}/v1`} />
    </AccountSection>
  );
}
