import { createHash, randomBytes } from "node:crypto";

/** Every key starts with this, so secret scanners and people can tell what it is. */
export const API_KEY_PREFIX = "sk-chat-";
/** How much of the key is stored and shown to recognise it: the marker and 6 random characters (36 bits). */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 6;

/** A new key: 256 random bits, base64url. Returned once to its owner; only the hash is stored. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, SHOWN_LENGTH), keyHash: hashApiKey(key) };
}

/** SHA-256, hex. A slow password hash would add nothing: the key has 256 bits of entropy, not a person's choice. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A well-formed key (checked before any database lookup, so junk costs nothing). */
export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(value.slice(API_KEY_PREFIX.length));
}
