"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useCallback, useRef, useState } from "react";
import { FormField } from "@/components/auth/form-field";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { navigateTo, sameOriginUrl } from "@/lib/ui/navigation";
import { usePageRestore } from "@/lib/ui/use-page-restore";

type CredentialsSignInFormProps = {
  callbackUrl: string;
  variant: "primary" | "secondary";
  onStart: () => void;
  onError: (message: string) => void;
};

export function CredentialsSignInForm({ callbackUrl, variant, onStart, onError }: CredentialsSignInFormProps) {
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  usePageRestore(useCallback(() => setPending(false), []));

  function fail(code: string) {
    setPending(false);
    onError(signInErrorMessage(code) ?? signInErrorMessage("Default")!);
    // The disabled button dropped focus; put it where the user retries.
    requestAnimationFrame(() => passwordRef.current?.select());
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    onStart();
    try {
      const result = await signIn("credentials", {
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (!result || result.error) return fail(result?.error ?? "Default");
      navigateTo(sameOriginUrl(result.url, callbackUrl));
    } catch {
      fail("Default");
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <FormField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={320}
        placeholder="you@company.com"
      />
      <FormField ref={passwordRef} name="password" label="Password" type="password" autoComplete="current-password" required maxLength={1024} />
      <Button type="submit" variant={variant} size="lg" className="mt-1 w-full" disabled={pending}>
        {pending && <Spinner />}
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
