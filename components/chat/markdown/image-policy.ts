export type ImageDecision = { show: true; src: string } | { show: false; host: string | null };

/**
 * Whether an answer's image may be loaded: only from the app's own origin or an allowed host, so an answer cannot
 * make the browser call a third party (tracking pixels, data exfiltration in the URL). `origin` is null while
 * rendering on the server, where only relative URLs count as the app's own.
 */
export function decideImage(src: string | undefined, origin: string | null, allowedHosts: readonly string[]): ImageDecision {
  const raw = src?.trim() ?? "";
  if (!raw) return { show: false, host: null };
  let url: URL;
  try {
    url = new URL(raw, origin ?? "http://relative.invalid");
  } catch {
    return { show: false, host: null };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { show: false, host: null };
  const relative = !/^[a-z][a-z\d+.-]*:/i.test(raw) && !raw.startsWith("//");
  const sameOrigin = relative || (origin !== null && url.origin === origin);
  const allowed = allowedHosts.some((host) => host.toLowerCase() === url.host || host.toLowerCase() === url.hostname);
  return sameOrigin || allowed ? { show: true, src: relative ? raw : url.href } : { show: false, host: url.host };
}
