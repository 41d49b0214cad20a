// Requests that change something must come from the app's own pages. The session cookie is SameSite=Lax, which
// stops other sites but not other origins of the same site (another port or subdomain of the company's domain),
// so writes carrying a browser's cross-origin marks are refused. Requests without them (curl, scripts) carry no
// browser cookies unless someone put them there on purpose.

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type RequestLike = { method: string; url: string; headers: Headers };

/** Whether a browser sent this request from a page of another origin (whatever the method). */
function isCrossOrigin(request: RequestLike, appUrl: string | undefined): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const allowed = [new URL(request.url).origin];
  if (appUrl) {
    try {
      allowed.push(new URL(appUrl).origin);
    } catch {
      // a bad APP_URL stops the server at start; nothing to add here
    }
  }
  return !allowed.includes(origin);
}

export function isCrossOriginWrite(request: RequestLike, appUrl: string | undefined): boolean {
  return WRITE_METHODS.has(request.method.toUpperCase()) && isCrossOrigin(request, appUrl);
}
