import type { ComponentProps } from "react";
import { isExternalLink, safeLinkUrl } from "./safe-url";

/** A link from an answer: only safe protocols are clickable (others show as text); external ones open a new tab. */
export function MarkdownLink({ href, children }: ComponentProps<"a">) {
  const safe = href ? safeLinkUrl(href) : null;
  if (!safe) return <span className="chat-inert-link">{children}</span>;
  if (!isExternalLink(safe)) return <a href={safe}>{children}</a>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
