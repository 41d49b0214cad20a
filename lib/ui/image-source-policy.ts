// The image part of every page's Content-Security-Policy, as a <meta> in the root layout (it depends on an admin
// setting, so proxy.ts cannot put it in the header, lib/ui/page-security-policy.ts, which leaves img-src broad; the
// browser enforces both). It is the second wall behind the Markdown renderer's own image check: even an
// <img> that slipped into the page could only load from the app, data: and blob: URLs, the hosts an admin allowed,
// and the signed-in user's own profile picture host (from the company IdP).

const HOST_SOURCE = /^[a-z0-9.-]+(:\d{1,5})?$/;

function pictureHost(image: string | null): string | null {
  if (!image) return null;
  try {
    const url = new URL(image);
    return url.protocol === "https:" ? `https://${url.host}` : null;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy({ allowedImageHosts, userImage }: { allowedImageHosts: readonly string[]; userImage: string | null }): string {
  const hosts = allowedImageHosts.map((host) => host.toLowerCase()).filter((host) => HOST_SOURCE.test(host));
  const picture = pictureHost(userImage);
  const imageSources = ["'self'", "data:", "blob:", ...hosts, ...(picture ? [picture] : [])];
  return [`img-src ${imageSources.join(" ")}`, "media-src 'self'", "object-src 'none'", "base-uri 'self'"].join("; ");
}
