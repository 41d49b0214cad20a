import type { LanguageModelV4Usage } from "@ai-sdk/provider";

export interface ReportedUsage {
  inputTokens?: number;
  outputTokens?: number;
}

const CHARS_PER_TOKEN = 4;

export function estimateTokens(chars: number): number {
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

/** Backend counts where given; chars/4 estimates for whatever is missing (and then `estimated` is true). */
export function buildUsage(reported: ReportedUsage | undefined, inputChars: number, outputChars: number): { usage: LanguageModelV4Usage; estimated: boolean } {
  const input = validCount(reported?.inputTokens);
  const output = validCount(reported?.outputTokens);
  const inputTokens = input ?? estimateTokens(inputChars);
  const outputTokens = output ?? estimateTokens(outputChars);
  return {
    usage: {
      inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
      raw: { inputTokens, outputTokens, estimated: input === undefined || output === undefined },
    },
    estimated: input === undefined || output === undefined,
  };
}

function validCount(value: number | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}
