import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Env, getEnv } from "@/lib/env";
import { decodeEncryptionKey, ENCRYPTION_KEY_BYTES, ENCRYPTION_KEY_FORMAT } from "./encryption-key-format";

export const ENCRYPTION_KEY_FILE = "encryption-key";

/**
 * ENCRYPTION_KEY, or on the embedded default a key generated once and kept under DATA_DIR, so restarts can still
 * read the stored secrets. With PostgreSQL the env module already refused to start without ENCRYPTION_KEY.
 */
export function loadEncryptionKey(env: Pick<Env, "ENCRYPTION_KEY" | "DATA_DIR">): Buffer {
  if (env.ENCRYPTION_KEY) {
    const key = decodeEncryptionKey(env.ENCRYPTION_KEY);
    if (!key) throw new Error(`ENCRYPTION_KEY ${ENCRYPTION_KEY_FORMAT}`);
    return key;
  }
  const file = path.resolve(env.DATA_DIR, ENCRYPTION_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(ENCRYPTION_KEY_BYTES).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another worker wrote it first: read theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    chmodSync(file, 0o600);
  }
  const key = decodeEncryptionKey(readFileSync(file, "utf8"));
  if (!key) throw new Error(`${file} ${ENCRYPTION_KEY_FORMAT}; restore it from a backup (without it the stored model secrets cannot be read)`);
  return key;
}

let cached: Buffer | undefined;

/** The process-wide key that encrypts secrets stored in the database. */
export function getEncryptionKey(): Buffer {
  cached ??= loadEncryptionKey(getEnv());
  return cached;
}
