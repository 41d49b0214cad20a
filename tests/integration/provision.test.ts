import { beforeEach, describe, expect, it } from "vitest";
import { type OidcClaims, signInWithOidc, signInWithPassword, signUpWithPassword } from "@/lib/auth/provision";
import { getDb } from "@/lib/db/client";
import { setUserStatus } from "@/lib/db/users";
import { type Env, parseEnv } from "@/lib/env";
import { testProvider, useTestDatabase } from "../support/database";

// Sign-in and sign-up rules (lib/auth/provision.ts) against a real database, with the configuration passed in.

const database = useTestDatabase();
beforeEach(() => database.reset());

const ISSUER = "https://id.example.com/realms/corp";
const OTHER_ISSUER = "https://login.other-idp.test";

function oidcEnv(extra: Record<string, string> = {}): Env {
  return parseEnv({ OIDC_ISSUER: ISSUER, OIDC_CLIENT_ID: "chat", OIDC_CLIENT_SECRET: "s3cret", ...extra });
}
function localEnv(extra: Record<string, string> = {}): Env {
  return parseEnv(extra);
}

function claims(extra: Partial<OidcClaims> & Record<string, unknown> = {}): OidcClaims {
  return { iss: ISSUER, sub: "alice-sub", email: "alice@example.com", email_verified: true, name: "Alice", ...extra };
}

function expectOk(result: { ok: boolean }): string {
  expect(result).toMatchObject({ ok: true });
  return (result as { ok: true; userId: string }).userId;
}

const db = () => getDb();
const auditActions = async () =>
  (await db().auditLogEntry.findMany({ orderBy: { createdAt: "asc" } })).map((entry) => ({
    action: entry.action,
    actorId: entry.actorId,
    details: entry.details,
  }));

describe(`OIDC sign-in on ${testProvider()}`, () => {
  it("creates the user and an identity keyed by (issuer, subject) on first sign-in", async () => {
    const env = oidcEnv();
    const userId = expectOk(await signInWithOidc(claims({ email: "Alice@Example.com", groups: ["staff"] }), env));

    const user = await db().user.findUniqueOrThrow({ where: { id: userId }, include: { identities: true } });
    expect(user).toMatchObject({ email: "alice@example.com", name: "Alice", status: "active", groups: ["staff"] });
    expect(user.identities).toEqual([expect.objectContaining({ issuer: ISSUER, subject: "alice-sub", userId })]);
    expect(await auditActions()).toEqual([
      expect.objectContaining({ action: "auth.sign_up", actorId: userId }),
      expect.objectContaining({ action: "auth.sign_in", actorId: userId, details: { method: "oidc" } }),
    ]);
  });

  it("signs the same (issuer, subject) into the same user when the email claim changed", async () => {
    const env = oidcEnv();
    const first = expectOk(await signInWithOidc(claims(), env));
    const second = expectOk(await signInWithOidc(claims({ email: "alice.renamed@example.com" }), env));

    expect(second).toBe(first);
    expect(await db().user.count()).toBe(1);
    expect(await db().identity.count()).toBe(1);
    // The identity remembers what the IdP sent last; the account's email is not switched by a claim.
    const identity = await db().identity.findFirstOrThrow();
    expect(identity.email).toBe("alice.renamed@example.com");
    expect((await db().user.findUniqueOrThrow({ where: { id: first } })).email).toBe("alice@example.com");
  });

  it("treats another issuer with the same subject as a different identity", async () => {
    const env = oidcEnv();
    const first = expectOk(await signInWithOidc(claims(), env));
    const other = expectOk(await signInWithOidc(claims({ iss: OTHER_ISSUER, email: "alice@other.test" }), env));

    expect(other).not.toBe(first);
    expect(await db().identity.count({ where: { subject: "alice-sub" } })).toBe(2);
  });

  it("refuses another issuer's identity whose email belongs to an existing account (EmailInUse), creating nothing", async () => {
    const env = oidcEnv();
    const first = expectOk(await signInWithOidc(claims(), env));
    const result = await signInWithOidc(claims({ iss: OTHER_ISSUER }), env);

    expect(result).toEqual({ ok: false, code: "EmailInUse" });
    expect(await db().user.count()).toBe(1);
    expect(await db().identity.findMany({ select: { issuer: true, userId: true } })).toEqual([{ issuer: ISSUER, userId: first }]);
    expect(await db().auditLogEntry.findFirst({ where: { action: "auth.sign_in_failed" } })).toMatchObject({
      details: { reason: "EmailInUse", method: "oidc", email: "alice@example.com" },
    });
  });

  it("refuses emails outside ALLOWED_EMAIL_DOMAINS (DomainNotAllowed) and records the failure", async () => {
    const env = oidcEnv({ ALLOWED_EMAIL_DOMAINS: "example.com" });
    const result = await signInWithOidc(claims({ sub: "mallory", email: "mallory@evil.test" }), env);

    expect(result).toEqual({ ok: false, code: "DomainNotAllowed" });
    expect(await db().user.count()).toBe(0);
    expect(await auditActions()).toEqual([
      { action: "auth.sign_in_failed", actorId: null, details: { reason: "DomainNotAllowed", method: "oidc", email: "mallory@evil.test" } },
    ]);
    // The allowed domain still gets in.
    expectOk(await signInWithOidc(claims(), env));
  });

  it("refuses an email the IdP says is not verified (EmailNotVerified)", async () => {
    const result = await signInWithOidc(claims({ email_verified: false }), oidcEnv());
    expect(result).toEqual({ ok: false, code: "EmailNotVerified" });
    expect(await db().user.count()).toBe(0);
  });

  it("refuses claims without an email (MissingEmail)", async () => {
    expect(await signInWithOidc(claims({ email: undefined }), oidcEnv())).toEqual({ ok: false, code: "MissingEmail" });
    expect(await signInWithOidc(claims({ email: "not-an-email" }), oidcEnv())).toEqual({ ok: false, code: "MissingEmail" });
    expect(await db().user.count()).toBe(0);
  });

  it("makes members of OIDC_ADMIN_GROUPS admin and demotes them at the next sign-in after they leave", async () => {
    const env = oidcEnv({ OIDC_ADMIN_GROUPS: "chat-admins" });
    // With admin groups set, the IdP decides: the first user is not made admin just for being first.
    const bob = expectOk(await signInWithOidc(claims({ sub: "bob", email: "bob@example.com", groups: ["staff"] }), env));
    expect((await db().user.findUniqueOrThrow({ where: { id: bob } })).role).toBe("user");

    const alice = expectOk(await signInWithOidc(claims({ groups: ["staff", "chat-admins"] }), env));
    expect((await db().user.findUniqueOrThrow({ where: { id: alice } })).role).toBe("admin");

    expect(expectOk(await signInWithOidc(claims({ groups: ["staff"] }), env))).toBe(alice);
    const demoted = await db().user.findUniqueOrThrow({ where: { id: alice } });
    expect(demoted.role).toBe("user");
    expect(demoted.groups).toEqual(["staff"]);
  });

  it("reads the groups claim named by OIDC_GROUPS_CLAIM, as a string too", async () => {
    const env = oidcEnv({ OIDC_ADMIN_GROUPS: "chat-admins", OIDC_GROUPS_CLAIM: "roles" });
    const userId = expectOk(await signInWithOidc(claims({ roles: "staff chat-admins", groups: ["ignored"] }), env));
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ role: "admin", groups: ["staff", "chat-admins"] });
  });

  it("makes the first OIDC user admin when no admin groups are configured, and nobody after", async () => {
    const env = oidcEnv();
    const first = expectOk(await signInWithOidc(claims(), env));
    const second = expectOk(await signInWithOidc(claims({ sub: "bob", email: "bob@example.com" }), env));
    expect((await db().user.findUniqueOrThrow({ where: { id: first } })).role).toBe("admin");
    expect((await db().user.findUniqueOrThrow({ where: { id: second } })).role).toBe("user");
  });

  it("refuses a disabled user (AccountDisabled)", async () => {
    const env = oidcEnv();
    const userId = expectOk(await signInWithOidc(claims(), env));
    await setUserStatus({ id: userId, status: "disabled" });

    expect(await signInWithOidc(claims(), env)).toEqual({ ok: false, code: "AccountDisabled" });
    expect(await db().auditLogEntry.count({ where: { action: "auth.sign_in_failed" } })).toBe(1);
  });
});

describe(`local accounts on ${testProvider()}`, () => {
  const password = "correct horse battery staple";

  it("signs up, then signs in with the right password and not with a wrong one", async () => {
    const env = localEnv();
    const signUp = await signUpWithPassword({ email: " Carol@Example.com ", password, name: " Carol " }, env);
    const userId = expectOk(signUp);
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ email: "carol@example.com", name: "Carol" });

    expect(await signInWithPassword({ email: "carol@example.com", password }, env)).toEqual({ ok: true, userId });
    expect(await signInWithPassword({ email: "CAROL@example.com", password }, env)).toEqual({ ok: true, userId });
    expect(await signInWithPassword({ email: "carol@example.com", password: `${password}!` }, env)).toEqual({
      ok: false,
      code: "InvalidCredentials",
    });
    expect(await db().auditLogEntry.findFirst({ where: { action: "auth.sign_in_failed" } })).toMatchObject({
      details: { reason: "InvalidCredentials", method: "password", email: "carol@example.com" },
    });
  });

  it("stores a password hash, never the password", async () => {
    const userId = expectOk(await signUpWithPassword({ email: "dave@example.com", password, name: "Dave" }, localEnv()));
    const { passwordHash } = await db().user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
    expect(passwordHash).toMatch(/^scrypt\$/);
    expect(passwordHash).not.toContain(password);
  });

  it("answers InvalidCredentials for an unknown email, and for an SSO user without a password", async () => {
    const env = localEnv();
    expect(await signInWithPassword({ email: "nobody@example.com", password }, env)).toEqual({ ok: false, code: "InvalidCredentials" });

    expectOk(await signInWithOidc(claims(), oidcEnv({ LOCAL_ACCOUNTS: "true" })));
    expect(await signInWithPassword({ email: "alice@example.com", password: "" }, env)).toEqual({ ok: false, code: "InvalidCredentials" });
  });

  it("refuses a second sign-up with a taken email (EmailTaken), recorded for the admins", async () => {
    const env = localEnv();
    expectOk(await signUpWithPassword({ email: "erin@example.com", password, name: "Erin" }, env));
    expect(await signUpWithPassword({ email: "ERIN@example.com", password, name: "Erin 2" }, env)).toEqual({ ok: false, code: "EmailTaken" });
    expect(await db().user.count()).toBe(1);
    expect(await db().auditLogEntry.findFirst({ where: { action: "auth.sign_up_refused" } })).toMatchObject({
      details: { reason: "EmailTaken", email: "erin@example.com" },
    });
  });

  it("makes ADMIN_EMAILS admin at sign-up, and promotes them at sign-in", async () => {
    const first = expectOk(await signUpWithPassword({ email: "first@example.com", password, name: "First" }, localEnv()));
    expect((await db().user.findUniqueOrThrow({ where: { id: first } })).role).toBe("admin");

    const env = localEnv({ ADMIN_EMAILS: "Boss@Example.com" });
    const boss = expectOk(await signUpWithPassword({ email: "boss@example.com", password, name: "Boss" }, env));
    expect((await db().user.findUniqueOrThrow({ where: { id: boss } })).role).toBe("admin");

    const frank = expectOk(await signUpWithPassword({ email: "frank@example.com", password, name: "Frank" }, localEnv()));
    expect((await db().user.findUniqueOrThrow({ where: { id: frank } })).role).toBe("user");
    expectOk(await signInWithPassword({ email: "frank@example.com", password }, localEnv({ ADMIN_EMAILS: "frank@example.com" })));
    expect((await db().user.findUniqueOrThrow({ where: { id: frank } })).role).toBe("admin");
  });

  it("refuses sign-up when LOCAL_SIGNUP=false (SignUpClosed), but still signs existing users in", async () => {
    expectOk(await signUpWithPassword({ email: "gina@example.com", password, name: "Gina" }, localEnv()));
    const closed = localEnv({ LOCAL_SIGNUP: "false" });
    expect(await signUpWithPassword({ email: "hank@example.com", password, name: "Hank" }, closed)).toEqual({ ok: false, code: "SignUpClosed" });
    expect(await db().user.count()).toBe(1);
    expectOk(await signInWithPassword({ email: "gina@example.com", password }, closed));
  });

  it("refuses both sign-up and sign-in when local accounts are off (LocalAccountsDisabled)", async () => {
    expectOk(await signUpWithPassword({ email: "ivy@example.com", password, name: "Ivy" }, localEnv()));
    const ssoOnly = oidcEnv();
    expect(ssoOnly.LOCAL_ACCOUNTS).toBe(false);
    expect(await signUpWithPassword({ email: "jack@example.com", password, name: "Jack" }, ssoOnly)).toEqual({
      ok: false,
      code: "LocalAccountsDisabled",
    });
    expect(await signInWithPassword({ email: "ivy@example.com", password }, ssoOnly)).toEqual({ ok: false, code: "LocalAccountsDisabled" });
    expect(await db().user.count()).toBe(1);
  });

  it("refuses sign-up and sign-in outside ALLOWED_EMAIL_DOMAINS", async () => {
    expectOk(await signUpWithPassword({ email: "kim@elsewhere.test", password, name: "Kim" }, localEnv()));
    const restricted = localEnv({ ALLOWED_EMAIL_DOMAINS: "example.com" });
    expect(await signUpWithPassword({ email: "lee@elsewhere.test", password, name: "Lee" }, restricted)).toEqual({
      ok: false,
      code: "DomainNotAllowed",
    });
    expect(await signInWithPassword({ email: "kim@elsewhere.test", password }, restricted)).toEqual({ ok: false, code: "DomainNotAllowed" });
  });

  it("refuses a disabled local user (AccountDisabled)", async () => {
    const userId = expectOk(await signUpWithPassword({ email: "max@example.com", password, name: "Max" }, localEnv()));
    await setUserStatus({ id: userId, status: "disabled" });
    expect(await signInWithPassword({ email: "max@example.com", password }, localEnv())).toEqual({ ok: false, code: "AccountDisabled" });
  });

  // Password hashes run two at a time (lib/auth/hash-slots.ts): on a busy machine twenty take a while.
  it("20 concurrent first sign-ups on an empty install make exactly one admin", async () => {
    const env = localEnv();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => signUpWithPassword({ email: `user${index}@example.com`, password, name: `User ${index}` }, env)),
    );
    const ids = results.map(expectOk);
    expect(new Set(ids).size).toBe(20);
    const users = await db().user.findMany({ select: { id: true, role: true } });
    expect(users).toHaveLength(20);
    expect(users.filter((user) => user.role === "admin")).toHaveLength(1);
  }, 90_000);
});
