import type { ChatUIMessage } from "@/lib/chat/types";

export interface AnswerFigures {
  firstTokenMs: number | null;
  totalMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** The counts are chars/4 estimates: the backend reported none, or the answer is still being written. */
  estimated: boolean;
  /** Still changing: measured in the browser until the server's figures arrive with the end of the answer. */
  live: boolean;
}

/** Same rule as the server's estimate (chars/4), for the output while it streams. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The stored figures once the answer ended; until then, what this browser measured since the click on Compare. */
export function answerFigures(
  message: ChatUIMessage | null,
  text: string,
  clock: { startedAt: number; firstTokenAt: number | null; now: number; ended: boolean },
): AnswerFigures {
  const metadata = message?.metadata;
  const finished = metadata?.status !== undefined && metadata.status !== "streaming";
  if (finished) {
    return {
      firstTokenMs: metadata.timings?.firstTokenMs ?? null,
      totalMs: metadata.timings?.totalMs ?? null,
      inputTokens: metadata.usage?.inputTokens ?? null,
      outputTokens: metadata.usage?.outputTokens ?? null,
      estimated: metadata.usage?.estimated ?? false,
      live: false,
    };
  }
  return {
    firstTokenMs: clock.firstTokenAt === null ? null : clock.firstTokenAt - clock.startedAt,
    totalMs: clock.ended ? null : clock.now - clock.startedAt,
    inputTokens: null,
    outputTokens: text ? estimateTokens(text) : null,
    estimated: text !== "",
    live: !clock.ended,
  };
}

export function durationText(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1_000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

const numberFormat = new Intl.NumberFormat("en");

export function tokensText(figures: AnswerFigures): string {
  if (figures.outputTokens === null && figures.inputTokens === null) return "—";
  const input = figures.inputTokens === null ? null : `${numberFormat.format(figures.inputTokens)} in`;
  const output = figures.outputTokens === null ? null : `${numberFormat.format(figures.outputTokens)} out`;
  return [input, output].filter(Boolean).join(" · ");
}
