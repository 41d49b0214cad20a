/**
 * next-auth builds the URLs it returns from its own idea of the site origin, which can differ from the address the
 * browser is on (e.g. behind a proxy). Only a same-origin URL is followed; anything else falls back to `fallback`.
 */
export function sameOriginUrl(url: string | null | undefined, fallback: string): string {
  if (!url) return fallback;
  try {
    const target = new URL(url, window.location.origin);
    return target.origin === window.location.origin ? `${target.pathname}${target.search}${target.hash}` : fallback;
  } catch {
    return fallback;
  }
}

/** A full page load, so server components read the new session cookie instead of a cached render. */
export function navigateTo(path: string): void {
  window.location.assign(path);
}
