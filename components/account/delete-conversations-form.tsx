"use client";

import { useRouter } from "next/navigation";
import { DELETE_CONVERSATIONS_PHRASE } from "@/lib/account/schema";
import { deleteAllConversations } from "./account-api";
import { ConfirmByTyping } from "./confirm-by-typing";

export function DeleteConversationsForm() {
  const router = useRouter();
  return (
    <ConfirmByTyping
      label={
        <>
          Type <strong className="font-mono">{DELETE_CONVERSATIONS_PHRASE}</strong> to confirm
        </>
      }
      expected={DELETE_CONVERSATIONS_PHRASE}
      submitLabel="Delete all my conversations"
      busyLabel="Deleting…"
      onConfirm={async (typed) => {
        const deleted = await deleteAllConversations(typed);
        // The sidebar and the counts above come from the server: render them again.
        router.refresh();
        return `Deleted ${deleted} conversation${deleted === 1 ? "" : "s"}.`;
      }}
    />
  );
}
