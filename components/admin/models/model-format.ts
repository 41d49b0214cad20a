import type { AdminModel } from "@/lib/models/admin-models";

export const PROVIDER_LABELS: Record<string, string> = {
  "azure-openai": "Azure OpenAI",
  tgi: "Hugging Face TGI",
  "openai-compatible": "OpenAI-compatible (vLLM, llama.cpp)",
  ollama: "Ollama",
  ai21: "AI21",
};

export function providerLabel(provider: string): string {
  return PROVIDER_LABELS[provider] ?? provider;
}

export function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

const usd = new Intl.NumberFormat("en", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** "$0.50 in · $1.50 out per 1M tokens", or "Not priced". */
export function priceText(model: Pick<AdminModel, "inputPricePerMTok" | "outputPricePerMTok">): string {
  const { inputPricePerMTok: input, outputPricePerMTok: output } = model;
  if (input === null && output === null) return "Not priced";
  const part = (value: number | null) => (value === null ? "—" : usd.format(value));
  return `${part(input)} in · ${part(output)} out per 1M tokens`;
}

export function accessText(model: Pick<AdminModel, "accessGroups">): string {
  if (model.accessGroups.length === 0) return "Everyone";
  return model.accessGroups.map((group) => group.name).join(", ");
}
