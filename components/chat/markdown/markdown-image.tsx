"use client";

import { ImageOff } from "lucide-react";
import type { ComponentProps } from "react";
import { useAllowedImageHosts, usePageOrigin } from "./allowed-image-hosts";
import { decideImage } from "./image-policy";

/** An image from an answer, or, when its host is not allowed, a placeholder that never requests it. */
export function MarkdownImage({ src, alt, title }: ComponentProps<"img">) {
  const decision = decideImage(typeof src === "string" ? src : undefined, usePageOrigin(), useAllowedImageHosts());
  if (decision.show) {
    return <img src={decision.src} alt={alt ?? ""} title={title} loading="lazy" referrerPolicy="no-referrer" />;
  }
  const label = decision.host ? `Image from ${decision.host} blocked` : "Image blocked";
  return (
    <span data-testid="blocked-image" title={alt || undefined} className="chat-blocked-image">
      <ImageOff aria-hidden="true" className="size-3.5 shrink-0" />
      {alt ? `${alt}: ${label}` : label}
    </span>
  );
}
