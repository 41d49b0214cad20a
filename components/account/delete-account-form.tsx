"use client";

import { navigateTo } from "@/lib/ui/navigation";
import { deleteAccount } from "./account-api";
import { ConfirmByTyping } from "./confirm-by-typing";

export function DeleteAccountForm({ email }: { email: string }) {
  return (
    <ConfirmByTyping
      label={
        <>
          Type your email address <strong className="font-medium break-all">{email}</strong> to confirm
        </>
      }
      expected={email}
      ignoreCase
      inputType="email"
      submitLabel="Delete my account"
      busyLabel="Deleting your account…"
      onConfirm={async (typed) => {
        await deleteAccount(typed);
        // The server ended the session with the account: a full load of the sign-in page.
        navigateTo("/sign-in");
        return null;
      }}
    />
  );
}
