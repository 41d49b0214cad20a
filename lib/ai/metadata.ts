import type { SharedV4ProviderMetadata } from "@ai-sdk/provider";

/** Key under `providerMetadata` where every provider of this app reports its extras. */
export const CHAT_METADATA_KEY = "chat";

/** The answer was cut off by a content policy: a normal, typed outcome, not an error. */
export interface PolicyBlock {
  stage: "output";
  /** Filter categories reported as filtered, e.g. "violence", "protected_material_text". */
  categories: string[];
}

export interface ChatMetadata {
  /** True when the backend sent no token counts and usage was estimated from characters (chars / 4). */
  usageEstimated: boolean;
  policyBlock?: PolicyBlock;
}

export function chatMetadata(metadata: ChatMetadata): SharedV4ProviderMetadata {
  const value: Record<string, boolean | { stage: string; categories: string[] }> = { usageEstimated: metadata.usageEstimated };
  if (metadata.policyBlock) value.policyBlock = { stage: metadata.policyBlock.stage, categories: [...metadata.policyBlock.categories] };
  return { [CHAT_METADATA_KEY]: value };
}

/** Reads the app's metadata back from a result's `providerMetadata` (undefined if it came from elsewhere). */
export function readChatMetadata(providerMetadata: unknown): ChatMetadata | undefined {
  if (typeof providerMetadata !== "object" || providerMetadata === null) return undefined;
  const value: unknown = (providerMetadata as Record<string, unknown>)[CHAT_METADATA_KEY];
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const block = record.policyBlock as PolicyBlock | undefined;
  return { usageEstimated: record.usageEstimated === true, ...(block ? { policyBlock: block } : {}) };
}
