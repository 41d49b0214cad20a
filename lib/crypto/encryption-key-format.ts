// No server-only import: lib/env.ts validates ENCRYPTION_KEY with this.

export const ENCRYPTION_KEY_BYTES = 32;
export const ENCRYPTION_KEY_FORMAT = "must be 32 bytes as base64 (openssl rand -base64 32) or 64 hex characters (openssl rand -hex 32)";

const HEX = /^[0-9a-f]{64}$/i;
// Standard or URL-safe alphabet; Buffer.from would silently skip any other character.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** The 32-byte key a string encodes, or null when it is neither 64 hex characters nor base64 of 32 bytes. */
export function decodeEncryptionKey(value: string): Buffer | null {
  const text = value.trim();
  // Hex first: 64 hex characters are also valid base64, of 48 bytes.
  if (HEX.test(text)) return Buffer.from(text, "hex");
  if (!BASE64.test(text)) return null;
  const key = Buffer.from(text, "base64");
  return key.length === ENCRYPTION_KEY_BYTES ? key : null;
}
