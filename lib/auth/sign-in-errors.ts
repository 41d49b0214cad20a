// Codes the sign-in page receives in ?error=, and what it tells the user. Shared by server and client.
export const signInErrorMessages = {
  DomainNotAllowed: "Your email domain is not allowed to sign in here. Ask your administrator for access.",
  AccountDisabled: "Your account is disabled. Ask your administrator to enable it.",
  EmailNotVerified: "Your identity provider has not verified your email address, so you cannot sign in.",
  MissingEmail: "Your identity provider did not send an email address. Ask your administrator to add the email claim.",
  EmailInUse: "An account with this email already exists with another sign-in method. Ask your administrator to link it.",
  InvalidCredentials: "Email or password is incorrect.",
  LocalAccountsDisabled: "Sign-in with email and password is turned off. Use your company sign-in.",
  SessionExpired: "Your session has ended. Please sign in again.",
  TooManyAttempts: "Too many attempts. Try again later.",
  Busy: "Sign-in is busy right now. Try again in a moment.",
  Unavailable: "Sign-in is temporarily unavailable. Please try again in a moment.",
  Default: "Sign-in failed. Please try again.",
} as const;

export type SignInErrorCode = keyof typeof signInErrorMessages;

/** "TooManyAttempts-900": the code with the seconds to wait, as it travels in ?error= (next-auth passes one string). */
export function tooManyAttemptsCode(retryAfterSeconds: number): string {
  return `TooManyAttempts-${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const tooMany = /^TooManyAttempts-(\d{1,6})$/.exec(code);
  if (tooMany) return `Too many attempts. Try again in ${waitText(Number(tooMany[1]))}.`;
  if (code in signInErrorMessages) return signInErrorMessages[code as SignInErrorCode];
  // next-auth's own codes (OAuthCallback, Callback, AccessDenied, ...) carry no detail worth showing.
  return signInErrorMessages.Default;
}
