"use client";

import { lazyDialog } from "@/components/ui/lazy-dialog";

/** ConversationSettingsDialog (its fields, validation and "Save as preset"), loaded when first opened. */
export const LazyConversationSettingsDialog = lazyDialog(() => import("./conversation-settings-dialog").then((module) => module.ConversationSettingsDialog));
