const MAX_ADMIN_DETAIL = 300;
const TAIL = 100;

/**
 * Prepares upstream text for the admin log: one line, bounded length, and no configured secret or bearer token
 * (some gateways echo request headers back in error bodies).
 */
export function adminText(raw: string, secrets: readonly string[] = []): string {
  let text = raw.replace(/\s+/g, " ").trim();
  for (const secret of secrets) {
    if (secret.length >= 4) text = text.split(secret).join("***");
  }
  text = text.replace(/(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, "$1***");
  // Long upstream messages put the point at either end (llama.cpp's template errors end with the Jinja exception).
  return text.length > MAX_ADMIN_DETAIL ? `${text.slice(0, MAX_ADMIN_DETAIL - TAIL)}…${text.slice(-TAIL)}` : text;
}
