"use client";

import { FileJson, FileText } from "lucide-react";
import type { ReactNode } from "react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { type OpenedBy, useFirstOpenFocus } from "@/components/ui/lazy-menu";

type LoadedExportMenuProps = {
  conversationId: string;
  /** The trigger's look and content, the same as the plain button it replaces (see ExportMenu). */
  triggerClassName: string;
  trigger: ReactNode;
  openedBy: OpenedBy;
};

/** The conversation's export menu, loaded when it is first opened (see ExportMenu); it mounts open. */
export function LoadedExportMenu({ conversationId, triggerClassName, trigger, openedBy }: LoadedExportMenuProps) {
  const onFirstFocus = useFirstOpenFocus(openedBy);
  const exportUrl = (format: "md" | "json") => `/api/chat/${encodeURIComponent(conversationId)}/export?format=${format}`;
  return (
    // Not modal: a modal menu hides the page from screen readers with aria-hidden while its links stay focusable.
    <DropdownMenu modal={false} defaultOpen>
      <DropdownMenuTrigger className={triggerClassName}>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52" onFocus={onFirstFocus}>
        {/* Plain links: the browser downloads the file itself (the route answers with Content-Disposition). */}
        <DropdownMenuItem asChild>
          <a href={exportUrl("md")} download>
            <FileText aria-hidden="true" />
            Export as Markdown
          </a>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <a href={exportUrl("json")} download>
            <FileJson aria-hidden="true" />
            Export as JSON
          </a>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
