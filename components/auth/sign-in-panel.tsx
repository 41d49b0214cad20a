"use client";

import { useState } from "react";
import { CredentialsSignInForm } from "@/components/auth/credentials-sign-in-form";
import { OrDivider } from "@/components/auth/or-divider";
import { SsoSignInButton } from "@/components/auth/sso-sign-in-button";
import { Alert } from "@/components/ui/alert";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

type SignInPanelProps = {
  callbackUrl: string;
  /** The company sign-in's display name (OIDC_NAME), or null without OIDC. */
  ssoName: string | null;
  localAccounts: boolean;
  /** The message for ?error= on arrival (e.g. a refusal after the identity provider). */
  initialError: string | null;
};

type ShownError = { message: string; attempt: number };

/** The sign-in methods and the one error message they share, so a new attempt replaces the old message. */
export function SignInPanel({ callbackUrl, ssoName, localAccounts, initialError }: SignInPanelProps) {
  const [error, setError] = useState<ShownError | null>(initialError ? { message: initialError, attempt: 0 } : null);
  const clear = () => setError(null);
  // A new key remounts the alert, so a repeated message is announced again.
  const show = (message: string) => setError((previous) => ({ message, attempt: (previous?.attempt ?? 0) + 1 }));

  return (
    <div className="flex flex-col gap-5">
      {error && <Alert key={error.attempt}>{error.message}</Alert>}
      {ssoName && (
        <SsoSignInButton
          providerName={ssoName}
          callbackUrl={callbackUrl}
          variant="primary"
          onStart={clear}
          onError={() => show(signInErrorMessage("Default")!)}
        />
      )}
      {ssoName && localAccounts && <OrDivider />}
      {localAccounts && <CredentialsSignInForm callbackUrl={callbackUrl} variant={ssoName ? "secondary" : "primary"} onStart={clear} onError={show} />}
    </div>
  );
}
