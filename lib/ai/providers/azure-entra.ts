import type { AzureTokenGetter } from "./azure-openai";

export const AZURE_COGNITIVE_SCOPE = "https://cognitiveservices.azure.com/.default";

export interface EntraCredentialSettings {
  /** With all three set, a client-secret credential (service principal); otherwise DefaultAzureCredential
   *  (managed identity, workload identity, AZURE_* environment variables, Azure CLI…). */
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Defaults to the Cognitive Services scope, which both the dated and the v1 routes accept. */
  scope?: string;
}

/** A token getter backed by @azure/identity; tokens are cached and refreshed by the SDK's token cycler. */
export function createEntraTokenGetter(settings: EntraCredentialSettings = {}): AzureTokenGetter {
  let provider: Promise<() => Promise<string>> | undefined;
  const scope = settings.scope ?? AZURE_COGNITIVE_SCOPE;
  return async () => {
    // Loaded lazily so deployments that only use API keys never load the identity stack.
    provider ??= import("@azure/identity").then((identity) => {
      const { tenantId, clientId, clientSecret } = settings;
      const credential =
        tenantId && clientId && clientSecret
          ? new identity.ClientSecretCredential(tenantId, clientId, clientSecret)
          : new identity.DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
      return identity.getBearerTokenProvider(credential, scope);
    });
    const getToken = await provider;
    return getToken();
  };
}
