"use client";

import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/react";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { usePageRestore } from "@/lib/ui/use-page-restore";

type SsoSignInButtonProps = {
  providerName: string;
  callbackUrl: string;
  variant: "primary" | "secondary";
  onStart: () => void;
  onError: () => void;
};

export function SsoSignInButton({ providerName, callbackUrl, variant, onStart, onError }: SsoSignInButtonProps) {
  const [pending, setPending] = useState(false);
  usePageRestore(useCallback(() => setPending(false), []));

  async function start() {
    setPending(true);
    onStart();
    try {
      // Leaves the page for the identity provider, which sends the browser back to callbackUrl.
      await signIn("oidc", { callbackUrl });
    } catch {
      setPending(false);
      onError();
    }
  }

  return (
    <Button variant={variant} size="lg" className="w-full" disabled={pending} aria-busy={pending} onClick={start}>
      {pending ? <Spinner /> : <KeyRound aria-hidden="true" />}
      Sign in with {providerName}
    </Button>
  );
}
