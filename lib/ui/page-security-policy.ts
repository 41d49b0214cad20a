// The Content-Security-Policy header of every page, set by proxy.ts with a fresh nonce per request: Next.js reads the
// nonce from the request's policy and puts it on its own scripts, and with 'strict-dynamic' only those (and what they
// load) run, so injected markup cannot run script even if it got past the Markdown renderer. The page may not be
// framed (frame-ancestors; X-Frame-Options in next.config.ts says the same to old browsers).
//
// Images are left broad here (any http or https host: admins may allow an internal http host) because their allowlist is an admin setting read from the database:
// the root layout narrows img-src with a <meta> policy (lib/ui/image-source-policy.ts), and a browser enforces both.
// Styles keep 'unsafe-inline': React style attributes, KaTeX and the virtual lists set inline styles, which a nonce
// cannot cover; styles cannot run script.

export function pageSecurityPolicy({ nonce, isDevelopment }: { nonce: string; isDevelopment: boolean }): string {
  return [
    "default-src 'self'",
    // Development only: React's dev tools evaluate code for call stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: http: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
