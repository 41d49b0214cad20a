import { expect } from "vitest";
import { LlmError, type LlmErrorCode, userMessageFor } from "@/lib/ai/errors";

export interface LeakChecks {
  /** Must appear nowhere: not for the user, not in the admin log. */
  secrets?: string[];
  /** Upstream wording: fine in the admin log, never in what the user sees. */
  upstream?: string[];
}

/** Asserts an LlmError with `code`, whose user-facing text is the fixed, safe text for that code. */
export function expectLlmError(error: unknown, code: LlmErrorCode, checks: LeakChecks = {}): LlmError {
  expect(LlmError.isInstance(error), `expected an LlmError, got ${String(error)}`).toBe(true);
  const llmError = error as LlmError;
  expect(llmError.code).toBe(code);
  expect(llmError.userMessage).toBe(userMessageFor(code, llmError.retryAfterMs));
  const userFacing = JSON.stringify(llmError);
  for (const secret of checks.secrets ?? []) {
    expect(llmError.userMessage).not.toContain(secret);
    expect(llmError.adminMessage).not.toContain(secret);
    expect(llmError.message).not.toContain(secret);
    expect(userFacing).not.toContain(secret);
  }
  for (const text of checks.upstream ?? []) {
    expect(llmError.adminMessage).toContain(text);
    expect(llmError.userMessage).not.toContain(text);
    expect(userFacing).not.toContain(text);
  }
  return llmError;
}

/** The single error a failed stream reported. */
export function onlyError(errors: unknown[]): unknown {
  expect(errors).toHaveLength(1);
  return errors[0];
}
