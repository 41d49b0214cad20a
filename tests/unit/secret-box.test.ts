import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ENCRYPTION_KEY_FILE, loadEncryptionKey } from "@/lib/crypto/encryption-key";
import { decodeEncryptionKey } from "@/lib/crypto/encryption-key-format";
import { open, SecretBoxError, seal } from "@/lib/crypto/secret-box";

const key = randomBytes(32);

/** The sealed value with one bit of part `index` (1 iv, 2 tag, 3 ciphertext) flipped. */
function flipBit(sealed: string, index: 1 | 2 | 3): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[index]!, "base64url");
  bytes[0]! ^= 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

function openError(run: () => unknown): SecretBoxError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SecretBoxError);
    return error as SecretBoxError;
  }
  expect.fail("expected a SecretBoxError");
}

describe("seal and open", () => {
  it("round-trips text, including empty and non-ASCII text", () => {
    for (const text of ["sk-live-0123456789", "", "Grüße, 世界 🔑", JSON.stringify({ apiKey: "k", clientSecret: "s" })]) {
      expect(open(seal(text, key), key)).toBe(text);
    }
  });

  it("writes v1.<iv>.<tag>.<ciphertext> in base64url, without the plaintext", () => {
    const sealed = seal("sk-live-0123456789", key);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("sk-live");
  });

  it("uses a fresh IV for every value, so equal secrets do not look equal", () => {
    const sealed = Array.from({ length: 50 }, () => seal("same secret", key));
    expect(new Set(sealed.map((value) => value.split(".")[1])).size).toBe(50);
    expect(new Set(sealed).size).toBe(50);
    for (const value of sealed) expect(open(value, key)).toBe("same secret");
  });

  it("detects a change to the IV, the tag or the ciphertext", () => {
    const sealed = seal("sk-live-0123456789", key);
    for (const part of [1, 2, 3] as const) {
      expect(openError(() => open(flipBit(sealed, part), key)).message).toMatch(/cannot decrypt/);
    }
  });

  it("refuses a wrong key with a clear error instead of returning garbage", () => {
    const sealed = seal("sk-live-0123456789", key);
    expect(openError(() => open(sealed, randomBytes(32))).message).toMatch(/not the one it was encrypted with/);
  });

  it("opens only with the associated data it was sealed with", () => {
    const sealed = seal("sk-live", key, "model:gpt-4o");
    expect(open(sealed, key, "model:gpt-4o")).toBe("sk-live");
    openError(() => open(sealed, key, "model:other"));
    openError(() => open(sealed, key));
  });

  it("names malformed values and unknown versions", () => {
    const sealed = seal("x", key);
    expect(openError(() => open(sealed.replace(/^v1/, "v2"), key)).message).toMatch(/unsupported encrypted value/);
    expect(openError(() => open("plain text", key)).message).toMatch(/unsupported encrypted value/);
    expect(openError(() => open(sealed.split(".").slice(0, 3).join("."), key)).message).toMatch(/malformed/);
    expect(openError(() => open(`${sealed}.extra`, key)).message).toMatch(/malformed/);
    expect(openError(() => open(sealed.replace(/\.([^.]+)$/, ".not+base64url"), key)).message).toMatch(/malformed/);
    const [, , tag, ciphertext] = sealed.split(".");
    expect(openError(() => open(`v1.AAAA.${tag}.${ciphertext}`, key)).message).toMatch(/IV must be 12 bytes/);
  });

  it("refuses keys that are not 32 bytes", () => {
    expect(() => seal("x", randomBytes(16))).toThrow(/32 bytes/);
    expect(() => open(seal("x", key), randomBytes(31))).toThrow(/32 bytes/);
  });
});

describe("decodeEncryptionKey", () => {
  it("accepts 64 hex characters and base64 or base64url of 32 bytes", () => {
    expect(decodeEncryptionKey(key.toString("hex"))).toEqual(key);
    expect(decodeEncryptionKey(key.toString("hex").toUpperCase())).toEqual(key);
    expect(decodeEncryptionKey(key.toString("base64"))).toEqual(key);
    expect(decodeEncryptionKey(key.toString("base64url"))).toEqual(key);
    expect(decodeEncryptionKey(` ${key.toString("base64")}\n`)).toEqual(key);
  });

  it("refuses other lengths and other text", () => {
    expect(decodeEncryptionKey(randomBytes(16).toString("base64"))).toBeNull();
    expect(decodeEncryptionKey(randomBytes(33).toString("base64"))).toBeNull();
    expect(decodeEncryptionKey(randomBytes(31).toString("hex"))).toBeNull();
    expect(decodeEncryptionKey("correct horse battery staple correct horse battery")).toBeNull();
    expect(decodeEncryptionKey("")).toBeNull();
  });
});

describe("loadEncryptionKey", () => {
  const dirs: string[] = [];
  const tempDataDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "chat-key-"));
    dirs.push(dir);
    return path.join(dir, "data");
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("uses ENCRYPTION_KEY when set and writes no file", () => {
    const dataDir = tempDataDir();
    expect(loadEncryptionKey({ ENCRYPTION_KEY: key.toString("hex"), DATA_DIR: dataDir })).toEqual(key);
    expect(existsSync(path.join(dataDir, ENCRYPTION_KEY_FILE))).toBe(false);
  });

  it("otherwise generates a key once under DATA_DIR, readable by the owner only, and keeps it", () => {
    const dataDir = tempDataDir();
    const first = loadEncryptionKey({ DATA_DIR: dataDir });
    const file = path.join(dataDir, ENCRYPTION_KEY_FILE);
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(decodeEncryptionKey(readFileSync(file, "utf8"))).toEqual(first);
    expect(loadEncryptionKey({ DATA_DIR: dataDir })).toEqual(first);
  });

  it("reads the key another instance wrote first", () => {
    const dataDir = tempDataDir();
    loadEncryptionKey({ DATA_DIR: dataDir });
    writeFileSync(path.join(dataDir, ENCRYPTION_KEY_FILE), key.toString("base64"));
    expect(loadEncryptionKey({ DATA_DIR: dataDir })).toEqual(key);
  });

  it("refuses a damaged key file, naming it", () => {
    const dataDir = tempDataDir();
    loadEncryptionKey({ DATA_DIR: dataDir });
    const file = path.join(dataDir, ENCRYPTION_KEY_FILE);
    writeFileSync(file, "not a key");
    expect(() => loadEncryptionKey({ DATA_DIR: dataDir })).toThrow(file);
  });
});
