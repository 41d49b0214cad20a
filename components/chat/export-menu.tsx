"use client";

import { Download } from "lucide-react";
import { buttonClasses } from "@/components/ui/button";
import { useLazyMenu } from "@/components/ui/lazy-menu";
import { cn } from "@/lib/utils";

// The menu (Radix) is not needed to show the conversation: it loads when first opened.
const loadMenu = () => import("./loaded-export-menu");

const triggerClassName = cn(buttonClasses({ variant: "ghost", size: "sm" }), "text-muted-foreground data-[state=open]:bg-accent");

/** Export as Markdown or JSON (see LoadedExportMenu). */
export function ExportMenu({ conversationId }: { conversationId: string }) {
  const { loaded, triggerProps } = useLazyMenu(loadMenu);
  const trigger = (
    <>
      <Download aria-hidden="true" />
      Export
    </>
  );
  if (!loaded)
    return (
      <button {...triggerProps} className={triggerClassName}>
        {trigger}
      </button>
    );
  const { LoadedExportMenu } = loaded.module;
  return <LoadedExportMenu conversationId={conversationId} triggerClassName={triggerClassName} trigger={trigger} openedBy={loaded.openedBy} />;
}
