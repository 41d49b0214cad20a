export interface Timeouts {
  /** Until the backend answers with an HTTP status (for non-streaming backends: the whole answer, see firstTokenMs). */
  connectMs: number;
  /** From the HTTP status until the first text token. Keep-alive comments do not count as tokens. */
  firstTokenMs: number;
  /** Longest silence between two data events once text has started. */
  idleMs: number;
  /** Backoff before each retry of a backend that says it is overloaded (TGI, Ollama); its length is the retry count. */
  overloadedRetryMs: number[];
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  connectMs: 10_000,
  // Long prompts on self-hosted 70B models can take a while to prefill.
  firstTokenMs: 60_000,
  // TGI sends keep-alives every 15 s; those don't reset this timer, real events do.
  idleMs: 30_000,
  overloadedRetryMs: [1_000, 3_000, 7_000],
};

export function resolveTimeouts(partial: Partial<Timeouts> | undefined): Timeouts {
  return { ...DEFAULT_TIMEOUTS, ...stripUndefined(partial ?? {}) };
}

function stripUndefined(value: Partial<Timeouts>): Partial<Timeouts> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<Timeouts>;
}
