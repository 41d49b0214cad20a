"use client";

import { lazyDialog } from "@/components/ui/lazy-dialog";

/** The confirmation before deleting a conversation, loaded the first time one is to be deleted. */
export const LazyDeleteConversationDialog = lazyDialog(
  () => import("./delete-conversation-dialog").then((module) => module.DeleteConversationDialog),
  (props) => props.conversation !== null,
);
