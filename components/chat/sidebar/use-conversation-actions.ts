"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import type { ConversationSummary } from "@/lib/chat/types";
import { useConversationList } from "../conversation-list-context";
import { deleteConversationRequest, patchConversation } from "./conversation-api";
import type { ConversationItemActions } from "./conversation-item";

/** Rename, pin and delete for the sidebar: the server first, then the list on screen. */
export function useConversationActions() {
  const { change, remove } = useConversationList();
  const router = useRouter();
  const pathname = usePathname();
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [pendingDelete, setPendingDelete] = useState<ConversationSummary | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fail = (cause: unknown) => setError(cause instanceof Error ? cause.message : "Something went wrong.");

  const rename = useCallback(
    (conversation: ConversationSummary, title: string) => {
      setRenamingId(null);
      setError(null);
      change(conversation.id, { title });
      patchConversation(conversation.id, { title }).catch((cause: unknown) => {
        change(conversation.id, { title: conversation.title });
        fail(cause);
      });
    },
    [change],
  );

  const togglePin = useCallback(
    (conversation: ConversationSummary) => {
      setError(null);
      patchConversation(conversation.id, { pinned: !conversation.pinned })
        .then((updated) => change(conversation.id, { pinned: updated.pinned }))
        .catch(fail);
    },
    [change],
  );

  const confirmDelete = useCallback(
    async (conversation: ConversationSummary) => {
      setDeleting(true);
      setError(null);
      try {
        await deleteConversationRequest(conversation.id);
        remove(conversation.id);
        if (pathname === `/c/${conversation.id}`) router.push("/");
      } catch (cause) {
        fail(cause);
      } finally {
        setDeleting(false);
        setPendingDelete(null);
      }
    },
    [pathname, remove, router],
  );

  const actions = useMemo<ConversationItemActions>(
    () => ({ startRename: setRenamingId, cancelRename: () => setRenamingId(null), rename, togglePin, askDelete: setPendingDelete }),
    [rename, togglePin],
  );

  return { actions, renamingId, pendingDelete, deleting, confirmDelete, cancelDelete: () => setPendingDelete(null), error };
}
