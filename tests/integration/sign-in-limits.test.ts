import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { recordSignInFailure, signInWaitSeconds } from "@/lib/auth/attempt-limits";
import { signInWithPassword, signUpWithPassword } from "@/lib/auth/provision";
import { requestContext } from "@/lib/auth/request-context";
import { getDb } from "@/lib/db/client";
import { type Env, parseEnv } from "@/lib/env";
import { testProvider, useTestDatabase } from "../support/database";

// Issue 16 item 1: brute-force limits on local sign-in and sign-up, per account and per client address, in the
// database (no REDIS_URL), in Redis, and in the database again while Redis is unreachable (its insurance).

const database = useTestDatabase();
beforeEach(() => database.reset());

const PASSWORD = "correct horse battery staple";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

// Redis outlives the test databases: every test names its own accounts and address.
const unique = () => randomBytes(4).toString("hex");
const fromAddress = <T>(ipAddress: string, work: () => Promise<T>) => requestContext.run({ ipAddress, userAgent: "limits-test" }, work);
// Redis keeps its counters between runs for an hour: each run needs an address no earlier run used (one of 250
// documentation addresses was reused often enough to fail a run).
const uniqueAddress = () => `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::1`;

const stores: [string, Record<string, string>][] = [
  ["the database", {}],
  ["Redis", { REDIS_URL }],
];

describe.each(stores)(`sign-in limits on ${testProvider()}, counted in %s`, (_store, storeEnv) => {
  const env = (extra: Record<string, string> = {}): Env => parseEnv({ ...storeEnv, ...extra });

  async function newAccount(extra: Record<string, string> = {}) {
    const email = `limits-${unique()}@example.com`;
    const result = await signUpWithPassword({ email, password: PASSWORD, name: "Lim" }, env(extra));
    expect(result).toMatchObject({ ok: true });
    return email;
  }

  it("makes the next attempt wait after three failures in a row, even with the right password; a success starts afresh", async () => {
    const email = await newAccount();
    const ip = uniqueAddress();
    await fromAddress(ip, async () => {
      for (let failure = 1; failure <= 2; failure++) {
        expect(await signInWithPassword({ email, password: "wrong password!" }, env())).toMatchObject({ code: "InvalidCredentials" });
      }
      // Two failures then a success: the count starts again, so the next two failures make nobody wait.
      expect(await signInWithPassword({ email, password: PASSWORD }, env())).toMatchObject({ ok: true });
      for (let failure = 1; failure <= 2; failure++) {
        expect(await signInWithPassword({ email, password: "wrong password!" }, env())).toMatchObject({ code: "InvalidCredentials" });
      }
      expect(await signInWaitSeconds({ email, ipAddress: ip }, env())).toBe(0);
      expect(await signInWithPassword({ email, password: "wrong password!" }, env())).toMatchObject({ code: "InvalidCredentials" });
      const refused = await signInWithPassword({ email, password: PASSWORD }, env());
      // Two seconds from the failure: only a machine stalled that long would let this attempt through.
      expect(refused).toEqual({ ok: false, code: "TooManyAttempts", retryAfterSeconds: 2 });
    });
  });

  it("locks the account after SIGN_IN_MAX_FAILURES failures, for SIGN_IN_LOCKOUT_MINUTES, with one audit entry", async () => {
    const strict = { SIGN_IN_MAX_FAILURES: "3", SIGN_IN_LOCKOUT_MINUTES: "15" };
    const email = await newAccount(strict);
    await fromAddress("203.0.113.50", async () => {
      for (let failure = 1; failure <= 3; failure++) {
        expect(await signInWithPassword({ email, password: "wrong password!" }, env(strict))).toMatchObject({ code: "InvalidCredentials" });
      }
      const refused = await signInWithPassword({ email, password: PASSWORD }, env(strict));
      expect(refused).toMatchObject({ ok: false, code: "TooManyAttempts" });
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    });
    const entries = await getDb().auditLogEntry.findMany({ where: { action: "auth.locked_out" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ target: email, ipAddress: "203.0.113.50", details: { scope: "account", email, minutes: 15 } });
    // The refused attempt during the lockout was not another failure to record.
    expect(await getDb().auditLogEntry.count({ where: { action: "auth.sign_in_failed" } })).toBe(3);
  });

  it("locks an email that has no account exactly like one that has", async () => {
    const strict = { SIGN_IN_MAX_FAILURES: "3" };
    const nobody = `nobody-${unique()}@example.com`;
    for (let failure = 1; failure <= 3; failure++) {
      expect(await signInWithPassword({ email: nobody, password: "wrong password!" }, env(strict))).toMatchObject({ code: "InvalidCredentials" });
    }
    expect(await signInWithPassword({ email: nobody, password: PASSWORD }, env(strict))).toMatchObject({ code: "TooManyAttempts" });
  });

  it("locks a client address after ten times the account limit in failures across accounts", async () => {
    const strict = { SIGN_IN_MAX_FAILURES: "3" };
    const ip = `2001:db8::${unique()}`;
    for (let failure = 1; failure <= 30; failure++) {
      await recordSignInFailure({ email: `spray-${unique()}@example.com`, ipAddress: ip }, env(strict));
    }
    expect(await signInWaitSeconds({ email: `fresh-${unique()}@example.com`, ipAddress: ip }, env(strict))).toBeGreaterThan(14 * 60);
    // Another address is not affected.
    expect(await signInWaitSeconds({ email: `fresh-${unique()}@example.com`, ipAddress: "2001:db8::1:1" }, env(strict))).toBe(0);
  });

  it("limits sign-ups per email and per client address", async () => {
    const email = `signup-${unique()}@example.com`;
    const answers = [];
    for (let attempt = 1; attempt <= 4; attempt++) answers.push(await signUpWithPassword({ email, password: PASSWORD, name: "S" }, env()));
    expect(answers.map((answer) => (answer.ok ? "ok" : answer.code))).toEqual(["ok", "EmailTaken", "EmailTaken", "TooManyAttempts"]);

    const ip = uniqueAddress();
    const perAddress = { SIGN_UPS_PER_ADDRESS_PER_HOUR: "2" };
    const fromOneAddress = await fromAddress(ip, async () => {
      const codes = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        const answer = await signUpWithPassword({ email: `many-${unique()}@example.com`, password: PASSWORD, name: "M" }, env(perAddress));
        codes.push(answer.ok ? "ok" : answer.code);
      }
      return codes;
    });
    expect(fromOneAddress).toEqual(["ok", "ok", "TooManyAttempts"]);
  });
});

describe(`sign-in limits on ${testProvider()} while Redis is unreachable`, () => {
  it("count in the database instead, so the lockout still holds", async () => {
    const env = parseEnv({ REDIS_URL: "redis://127.0.0.1:1", SIGN_IN_MAX_FAILURES: "3" });
    const nobody = `nobody-${unique()}@example.com`;
    for (let failure = 1; failure <= 3; failure++) {
      expect(await signInWithPassword({ email: nobody, password: "wrong password!" }, env)).toMatchObject({ code: "InvalidCredentials" });
    }
    expect(await signInWithPassword({ email: nobody, password: PASSWORD }, env)).toMatchObject({ code: "TooManyAttempts" });
    expect(await getDb().rateLimit.count({ where: { key: { contains: nobody } } })).toBeGreaterThan(0);
  });
});
