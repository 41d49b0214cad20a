import { describe, expect, it } from "vitest";
import { dummyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("verifies the password it hashed, in a self-describing scrypt format", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
  });

  it("rejects a wrong password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts: two hashes of one password differ and both verify", async () => {
    const [first, second] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(first).not.toBe(second);
    expect(await verifyPassword("same password", first)).toBe(true);
    expect(await verifyPassword("same password", second)).toBe(true);
  });

  it("treats a tampered hash as not matching", async () => {
    const hash = await hashPassword("hunter2-but-longer");
    const parts = hash.split("$");
    const key = Buffer.from(parts[5]!, "base64");
    key[0] = key[0]! ^ 0xff;
    const tamperedKey = [...parts.slice(0, 5), key.toString("base64")].join("$");
    const otherSalt = [...parts.slice(0, 4), Buffer.alloc(16, 1).toString("base64"), parts[5]].join("$");
    const truncatedKey = [...parts.slice(0, 5), key.subarray(0, 16).toString("base64")].join("$");
    expect(await verifyPassword("hunter2-but-longer", tamperedKey)).toBe(false);
    expect(await verifyPassword("hunter2-but-longer", otherSalt)).toBe(false);
    expect(await verifyPassword("hunter2-but-longer", truncatedKey)).toBe(false);
  });

  it.each([
    ["an empty string", ""],
    ["garbage", "not-a-hash"],
    ["another scheme", "bcrypt$32768$8$1$c2FsdA==$a2V5"],
    ["missing parts", "scrypt$32768$8$1$c2FsdA=="],
  ])("treats %s as not matching", async (_label, stored) => {
    expect(await verifyPassword("anything", stored)).toBe(false);
  });

  it("hashes the password after NFKC normalisation", async () => {
    const hash = await hashPassword("caf\u00e9");
    expect(await verifyPassword("cafe\u0301", hash)).toBe(true);
  });

  it("keeps one dummy hash that matches no ordinary password", async () => {
    const dummy = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(await verifyPassword("", dummy)).toBe(false);
  });
});
