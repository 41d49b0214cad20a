/** False for AI21 J2 (the complete and chat APIs), which answers whole: there is no streaming endpoint. */
export function supportsStreaming(config: { provider: string; api?: unknown }): boolean {
  return !(config.provider === "ai21" && (config.api === "complete" || config.api === "chat"));
}
