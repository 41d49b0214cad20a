import { hasWorkAfterAnswer } from "@/lib/chat/after-answer";
import { isGenerating } from "@/lib/chat/generation-registry";

// Waiting for something that happens after the response (an answer saved, a counter written): poll the condition
// every 20 ms until it holds, and fail with `what` when it has not after `timeoutMs`. Never a fixed sleep.

/** The check's first truthy value. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 8_000, what = "condition"): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`${what} not met in time`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The conversation's answer has ended on the server: stored, usage recorded, and what follows it (a new chat's title,
 * with its own call to the model) done too, so nothing left running counts against the next test.
 */
export async function answerSettled(conversationId: string, timeoutMs = 8_000): Promise<void> {
  await waitFor(() => !isGenerating(conversationId) && !hasWorkAfterAnswer(conversationId), timeoutMs, "the answer ended:");
}
