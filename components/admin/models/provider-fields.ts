import { defaultBoundaryForProvider } from "@/lib/privacy/policy";

// The connection fields the admin form shows for each provider (lib/ai/model-config.ts has the rules). Fields not
// listed here (timeouts, includeUsage, a privacy override...) are kept as they are when a model is edited.

export type ProviderId = "azure-openai" | "tgi" | "openai-compatible" | "ollama" | "ai21";

export type ConnectionValues = Record<string, string>;

export interface ConnectionField {
  name: string;
  label: string;
  type: "text" | "url" | "select";
  options?: { value: string; label: string }[];
  required?: boolean;
  placeholder?: string;
  hint?: string;
  /** Shown only when this returns true for the current values. */
  when?: (values: ConnectionValues) => boolean;
}

const isEntra = (values: ConnectionValues) => values.auth === "entra";

/** Every provider's last field: where the model runs, which decides its privacy policy (Admin → Privacy). */
function boundaryField(provider: ProviderId): ConnectionField {
  return {
    name: "boundary",
    label: "Data boundary",
    type: "select",
    options: [
      { value: "", label: `Provider default (${defaultBoundaryForProvider(provider)})` },
      { value: "internal", label: "Internal: runs inside the company" },
      { value: "external", label: "External: a cloud service" },
    ],
    hint: "External models get the stricter privacy policy: personal data is asked about, secrets replaced.",
  };
}

export const PROVIDER_IDS: ProviderId[] = ["azure-openai", "openai-compatible", "tgi", "ollama", "ai21"];

const OWN_FIELDS_BY_PROVIDER: Record<ProviderId, ConnectionField[]> = {
  "azure-openai": [
    { name: "endpoint", label: "Endpoint", type: "url", required: true, placeholder: "https://your-resource.openai.azure.com" },
    { name: "deployment", label: "Deployment", type: "text", required: true, placeholder: "gpt-4o" },
    { name: "apiVersion", label: "API version", type: "text", placeholder: "2024-10-21", hint: "A dated version, or v1." },
    {
      name: "auth",
      label: "Authentication",
      type: "select",
      options: [
        { value: "api-key", label: "API key" },
        { value: "entra", label: "Microsoft Entra ID" },
      ],
    },
    { name: "tenantId", label: "Tenant ID", type: "text", when: isEntra, hint: "With client ID and secret: a service principal. Empty: managed identity." },
    { name: "clientId", label: "Client ID", type: "text", when: isEntra },
  ],
  "openai-compatible": [
    { name: "endpoint", label: "Endpoint", type: "url", required: true, placeholder: "http://vllm.internal:8000/v1", hint: "The base URL, ending in /v1." },
    { name: "model", label: "Model", type: "text", placeholder: "meta-llama/Llama-2-7b-chat-hf", hint: "The name the server serves it under." },
  ],
  tgi: [
    { name: "endpoint", label: "Endpoint", type: "url", required: true, placeholder: "http://tgi.internal:8080" },
    { name: "model", label: "Model label", type: "text", placeholder: "llama-2-7b-chat" },
  ],
  ollama: [
    { name: "endpoint", label: "Endpoint", type: "url", required: true, placeholder: "http://ollama.internal:11434" },
    { name: "model", label: "Model", type: "text", required: true, placeholder: "llama2:7b-chat" },
    { name: "keepAlive", label: "Keep alive", type: "text", placeholder: "5m", hint: "How long Ollama keeps the model loaded." },
  ],
  ai21: [
    {
      name: "api",
      label: "API",
      type: "select",
      options: [
        { value: "jamba", label: "Jamba chat completions" },
        { value: "chat", label: "Jurassic-2 chat" },
        { value: "complete", label: "Jurassic-2 complete" },
      ],
    },
    { name: "endpoint", label: "Endpoint", type: "url", placeholder: "https://api.ai21.com/studio/v1", hint: "Empty: AI21's own." },
    { name: "model", label: "Model", type: "text", required: true, placeholder: "jamba-mini" },
  ],
};

export const FIELDS_BY_PROVIDER = Object.fromEntries(
  PROVIDER_IDS.map((provider) => [provider, [...OWN_FIELDS_BY_PROVIDER[provider], boundaryField(provider)]]),
) as Record<ProviderId, ConnectionField[]>;

/** Starting values for a provider's select fields, so the form never sends an empty choice. */
export const SELECT_DEFAULTS: Partial<Record<ProviderId, ConnectionValues>> = {
  "azure-openai": { auth: "api-key" },
  ai21: { api: "jamba" },
};

export const SECRET_LABELS = { apiKey: "API key", clientSecret: "Client secret" } as const;
