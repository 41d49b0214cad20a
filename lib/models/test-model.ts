import "server-only";
import { generateText } from "ai";
import { LlmError } from "@/lib/ai/errors";
import type { ModelConfigInput } from "@/lib/ai/model-config";
import { createLanguageModel, type LanguageModelDeps } from "@/lib/ai/registry";
import { errorFields, log } from "@/lib/server/log";

export const TEST_PROMPT = "Say hello in five words.";

/** The whole test, however the backend behaves: a stalled backend must not keep the admin waiting for a minute. */
const TEST_TIMEOUT_MS = 20_000;
const TEST_TIMEOUTS = { connectMs: 10_000, firstTokenMs: 15_000, idleMs: 10_000 };

export interface ModelTestResult {
  ok: boolean;
  text: string;
  latencyMs: number;
  /** For admins: what went wrong, in LlmError's admin wording (no credentials). */
  error: string | null;
}

function findLlmError(error: unknown): LlmError | null {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (LlmError.isInstance(current)) return current;
  }
  return null;
}

function describeFailure(error: unknown): string {
  const llmError = findLlmError(error);
  if (llmError) return llmError.adminMessage;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `No answer within ${TEST_TIMEOUT_MS / 1000} seconds.`;
  }
  // Anything else may quote a request: log it on the server, show a generic line.
  log.error({ area: "models", ...errorFields(error) }, "model test failed unexpectedly");
  return "The test failed unexpectedly; the server log has the details.";
}

/** Sends the short test prompt through the model's own connection and reports the answer, or what went wrong. */
export async function testModelConnection(config: ModelConfigInput, deps: LanguageModelDeps = {}): Promise<ModelTestResult> {
  const startedAt = Date.now();
  try {
    const model = createLanguageModel({ ...config, timeouts: TEST_TIMEOUTS }, deps);
    const result = await generateText({
      model,
      prompt: TEST_PROMPT,
      maxOutputTokens: 32,
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(TEST_TIMEOUT_MS),
    });
    return { ok: true, text: result.text.trim(), latencyMs: Date.now() - startedAt, error: null };
  } catch (error) {
    return { ok: false, text: "", latencyMs: Date.now() - startedAt, error: describeFailure(error) };
  }
}
