import { type AllFakes, type FakeTimings, startAllFakes } from "../../fakes";

// The fake LLM backends of the e2e run: every fake of tests/fakes on fixed consecutive ports (E2E_FAKES_PORT, default
// 4401), slowed down so a browser can watch an answer grow, reload in the middle of one, or stop it half-way.
// playwright.config.ts starts serveFakeBackends() as a webServer; specs import the replies to compare against.

export const DEFAULT_FAKES_PORT = 4401;

/** Longer than the fakes' own replies, so an answer takes a few seconds at the timing below. */
export const FAKE_REPLIES = {
  azure:
    "Ahoy! The parrot needs fresh fruit, a big cage and daily company. Give it toys to chew, a perch by the window, " +
    "clean water every morning and a quiet corner to sleep in at night.",
  // Llama's first token carries SentencePiece's leading space.
  tgi:
    " Deep learning is a subset of machine learning that uses neural networks with many layers. Each layer learns " +
    "features from the one before it, from edges to shapes to whole objects.",
  vllm: "Deep learning is a subset of machine learning based on neural networks.",
  // The slowest: long enough to reload the page, or press Stop, half-way even on a busy machine.
  ollama:
    "The sky is blue because of Rayleigh scattering: the air scatters the short blue wavelengths of sunlight far more " +
    "than the long red ones, so blue light reaches your eyes from every part of the sky. At sunset the light crosses " +
    "much more air, the blue is scattered away before it arrives, and the reds and oranges remain.",
  ai21: "Consider market data vendors, public filings and transaction datasets.",
} as const;

const STREAMING: Partial<FakeTimings> = { tokenDelayMs: 100, tokensBeforeTrouble: 4 };
const SLOW_STREAMING: Partial<FakeTimings> = { tokenDelayMs: 200 };

/** The timings the e2e run uses, per fake. AI21 J2 answers whole; "slow-first-token" makes it think a while. */
export function tuneFakesForBrowser(fakes: AllFakes): void {
  fakes.azure.reply = FAKE_REPLIES.azure;
  fakes.tgi.reply = FAKE_REPLIES.tgi;
  fakes.vllm.reply = FAKE_REPLIES.vllm;
  fakes.ollama.reply = FAKE_REPLIES.ollama;
  fakes.ai21.reply = FAKE_REPLIES.ai21;
  Object.assign(fakes.azure.timings, STREAMING);
  Object.assign(fakes.tgi.timings, STREAMING);
  Object.assign(fakes.ollama.timings, SLOW_STREAMING);
  Object.assign(fakes.ai21.timings, { slowFirstTokenMs: 1_500 });
}

/** Runs until SIGTERM/SIGINT (Playwright stops its web servers with SIGTERM). */
export async function serveFakeBackends(basePort = Number(process.env.E2E_FAKES_PORT || DEFAULT_FAKES_PORT)): Promise<void> {
  const fakes = await startAllFakes({ basePort });
  tuneFakesForBrowser(fakes);
  for (const fake of fakes.list) console.log(`[fakes] ${fake.name.padEnd(14)} ${fake.url}`);
  const stop = () => void fakes.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
