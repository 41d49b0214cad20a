import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { ENCRYPTION_KEY_BYTES } from "./encryption-key-format";

// AES-256-GCM, a fresh 12-byte IV per value. Sealed form: "v1.<iv>.<tag>.<ciphertext>", each part base64url. The
// version prefix leaves room for another algorithm or key later without guessing what an old value is.

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== ENCRYPTION_KEY_BYTES) throw new SecretBoxError(`the encryption key must be ${ENCRYPTION_KEY_BYTES} bytes, not ${key.length}`);
}

/**
 * Encrypts a string. `associatedData` (e.g. the id of the row the value belongs to) is authenticated, not stored:
 * the value only opens with the same one, so a sealed value copied to another row does not decrypt there.
 */
export function seal(plaintext: string, key: Buffer, associatedData = ""): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Decrypts what seal() made; throws SecretBoxError for a wrong key, other associated data or a changed value. */
export function open(sealed: string, key: Buffer, associatedData = ""): string {
  checkKey(key);
  const parts = sealed.split(".");
  if (parts[0] !== VERSION) {
    throw new SecretBoxError(`unsupported encrypted value: expected a "${VERSION}." prefix, got ${JSON.stringify(sealed.slice(0, 8))}`);
  }
  if (parts.length !== 4 || !parts.slice(1).every((part) => BASE64URL.test(part))) {
    throw new SecretBoxError(`malformed encrypted value: expected ${VERSION}.<iv>.<tag>.<ciphertext> in base64url`);
  }
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, "base64url")) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretBoxError(`malformed encrypted value: the IV must be ${IV_BYTES} bytes and the tag ${TAG_BYTES}`);
  }
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("cannot decrypt: the encryption key is not the one it was encrypted with, or the value was changed");
  }
}
