const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The href a Markdown link may have: absolute http, https or mailto, or an in-page #fragment (footnotes); else null. */
export function safeLinkUrl(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed.startsWith("#")) return trimmed;
  try {
    return LINK_PROTOCOLS.has(new URL(trimmed).protocol) ? trimmed : null;
  } catch {
    return null;
  }
}

/** Whether a link leaves the page (and so opens in a new tab). */
export function isExternalLink(href: string): boolean {
  return !href.startsWith("#");
}
