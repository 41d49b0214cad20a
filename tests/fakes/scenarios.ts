/**
 * Ways a fake can misbehave. Pick one per server (`fake.scenario = "…"`) or per request by putting the magic phrase
 * `[[fake:<scenario>]]` anywhere in the prompt; the phrase wins.
 */
export const SCENARIOS = [
  "ok",
  /** Headers at once, then a long silence before the first token (TGI keeps sending `:` keep-alives). */
  "slow-first-token",
  /** A few tokens, then silence until the client gives up. */
  "stall",
  /** Accepts the request and never answers (no status line). */
  "hang",
  /** A few tokens, then a TCP reset. */
  "reset",
  "rate-limit",
  "unauthorized",
  "not-found",
  "bad-request",
  "server-error",
  /** An error event after some tokens, in the backend's own mid-stream error format. */
  "mid-stream-error",
  /** Azure: output filtered mid-stream (finish_reason "content_filter"). */
  "content-filter",
  /** Azure: prompt refused with HTTP 400 code content_filter. */
  "prompt-filter",
  /** Azure: asynchronous filter mode (annotation chunks without delta, one after the finish chunk). */
  "async-filter",
] as const;

export type Scenario = (typeof SCENARIOS)[number];

const MAGIC = /\[\[fake:([a-z-]+)\]\]/;

export function scenarioFromText(text: string): Scenario | undefined {
  const name = MAGIC.exec(text)?.[1];
  return SCENARIOS.find((scenario) => scenario === name);
}

export function magicPhrase(scenario: Scenario): string {
  return `[[fake:${scenario}]]`;
}
