"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { passwordPolicyProblem } from "@/lib/auth/password-policy";
import { signUpWithPassword } from "@/lib/auth/provision";
import { contextFromHeaders, requestContext } from "@/lib/auth/request-context";
import { tooManyAttemptsCode } from "@/lib/auth/sign-in-errors";
import { signUpErrorMessage } from "@/lib/ui/sign-up-errors";
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type SignUpField, type SignUpState } from "@/lib/ui/sign-up-state";

const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(NAME_MAX_LENGTH, `Use at most ${NAME_MAX_LENGTH} characters.`),
    email: z
      .string()
      .trim()
      .min(1, "Enter your email address.")
      .max(EMAIL_MAX_LENGTH, `Use at most ${EMAIL_MAX_LENGTH} characters.`)
      .pipe(z.email("Enter a valid email address.")),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
      .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
  })
  .superRefine((input, ctx) => {
    const problem = passwordPolicyProblem(input.password, input);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

function field(formData: FormData, name: SignUpField): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * Creates a local account. The browser signs in afterwards with the same credentials (next-auth sets the cookie).
 * A taken email gets the same answer as a new account, after the same work (lib/auth/provision.ts), so sign-up
 * does not tell who has an account; the sign-in that follows then fails as any wrong password does.
 */
export async function signUp(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const parsed = signUpSchema.safeParse({
    name: field(formData, "name"),
    email: field(formData, "email"),
    password: field(formData, "password"),
  });
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return {
      status: "invalid_data",
      message: "Check the highlighted fields.",
      fieldErrors: { name: fieldErrors.name?.[0], email: fieldErrors.email?.[0], password: fieldErrors.password?.[0] },
    };
  }

  // Server actions do not pass through the auth route handler, so give the audit log the caller's address here.
  const context = contextFromHeaders(await headers());
  const result = await requestContext.run(context, () => signUpWithPassword(parsed.data));
  if (result.ok || result.code === "EmailTaken") return { status: "success" };
  const code = result.code === "TooManyAttempts" ? tooManyAttemptsCode(result.retryAfterSeconds ?? 60) : result.code;
  return { status: "failed", message: signUpErrorMessage(code) };
}
