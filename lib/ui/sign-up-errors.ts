import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

const messages: Record<string, string> = {
  SignUpClosed: "Sign-up is closed. Ask your administrator for an account.",
};

/** The sentence shown for a refused sign-up; codes shared with sign-in keep the sign-in wording. */
export function signUpErrorMessage(code: string): string {
  return messages[code] ?? signInErrorMessage(code) ?? "Sign-up failed. Please try again.";
}
