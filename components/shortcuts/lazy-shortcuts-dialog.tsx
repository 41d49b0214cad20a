"use client";

import { lazyDialog } from "@/components/ui/lazy-dialog";

/** The list of keyboard shortcuts, loaded when first opened (the shortcuts themselves work from the first load). */
export const LazyShortcutsDialog = lazyDialog(() => import("./shortcuts-dialog").then((module) => module.ShortcutsDialog));
