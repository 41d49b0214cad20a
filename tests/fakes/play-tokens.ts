import type { Exchange } from "./fake-server";

export type PlayOutcome = "done" | "trouble" | "gone";

/**
 * Streams the reply tokens with the scenario's timing: a long wait before the first token for "slow-first-token",
 * and "trouble" after `tokensBeforeTrouble` tokens for the scenarios that break mid-stream.
 * `idle` runs while waiting (TGI uses it for keep-alive comments).
 */
export async function playTokens(
  exchange: Exchange,
  emit: (token: string, index: number) => void,
  idle?: { everyMs: number; tick: () => void },
): Promise<PlayOutcome> {
  const { scenario, timings, tokens } = exchange;
  await exchange.firstTokenGate;
  if (scenario === "slow-first-token" && !(await waitWithTicks(exchange, timings.slowFirstTokenMs, idle))) return "gone";
  const breaks = scenario === "stall" || scenario === "reset" || scenario === "mid-stream-error" || scenario === "content-filter";
  for (const [index, token] of tokens.entries()) {
    if (breaks && index === timings.tokensBeforeTrouble) return "trouble";
    if (!(await exchange.sleep(timings.tokenDelayMs))) return "gone";
    emit(token, index);
  }
  return breaks ? "trouble" : "done";
}

export async function waitWithTicks(exchange: Exchange, ms: number, idle?: { everyMs: number; tick: () => void }): Promise<boolean> {
  if (!idle) return exchange.sleep(ms);
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!(await exchange.sleep(Math.min(idle.everyMs, until - Date.now())))) return false;
    idle.tick();
  }
  return true;
}
