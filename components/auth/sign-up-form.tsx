"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";
import { FormField } from "@/components/auth/form-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { navigateTo } from "@/lib/ui/navigation";
import { EMAIL_MAX_LENGTH, initialSignUpState, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type SignUpState } from "@/lib/ui/sign-up-state";

type SignUpFormProps = {
  action: (previous: SignUpState, formData: FormData) => Promise<SignUpState>;
  /** A same-origin path, already checked on the server. */
  callbackUrl: string;
};

/** Signs the new account in (next-auth sets the session cookie); the error code, or null on success. */
async function signInAfterSignUp(formData: FormData): Promise<string | null> {
  try {
    const result = await signIn("credentials", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirect: false,
    });
    return result?.error ?? (result ? null : "Default");
  } catch {
    return "Default";
  }
}

export function SignUpForm({ action, callbackUrl }: SignUpFormProps) {
  const [state, dispatch, pending] = useActionState(async (previous: SignUpState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.status !== "success") return result;
    const error = await signInAfterSignUp(formData);
    // On a refusal the account exists all the same: the sign-in page explains why it cannot be used yet.
    navigateTo(error ? `/sign-in?${new URLSearchParams({ error, callbackUrl })}` : callbackUrl);
    return result;
  }, initialSignUpState);

  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // The disabled submit button dropped focus: move it to the first field to fix.
    if (state.status === "invalid_data") formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  // Submitting through onSubmit rather than the form's action prop: React would reset the form after the action,
  // wiping what the user typed when the server refuses it.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }

  const fieldErrors = state.status === "invalid_data" ? state.fieldErrors : {};
  const busy = pending || state.status === "success";

  return (
    <form ref={formRef} onSubmit={submit} className="flex flex-col gap-4">
      {state.status === "failed" && <Alert>{state.message}</Alert>}
      <FormField name="name" label="Name" autoComplete="name" required maxLength={NAME_MAX_LENGTH} error={fieldErrors.name} />
      <FormField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={EMAIL_MAX_LENGTH}
        placeholder="you@company.com"
        error={fieldErrors.email}
      />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={fieldErrors.password}
      />
      <Button type="submit" size="lg" className="mt-1 w-full" disabled={busy}>
        {busy && <Spinner />}
        {busy ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
