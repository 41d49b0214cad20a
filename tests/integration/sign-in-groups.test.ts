import { beforeEach, describe, expect, it } from "vitest";
import { type OidcClaims, signInWithOidc, signInWithPassword, signUpWithPassword } from "@/lib/auth/provision";
import { saveAccessSettings } from "@/lib/db/access-settings";
import { changeUserStatus } from "@/lib/db/admin-users";
import { getDb } from "@/lib/db/client";
import { createSession, getActiveSessionWithUser } from "@/lib/db/sessions";
import { type Env, parseEnv } from "@/lib/env";
import { testProvider, useTestDatabase } from "../support/database";

// Sign-in with groups and approval: IdP memberships follow the claim, local ones stay, group roles promote, and a
// new SSO user waits for approval while it is required.

const database = useTestDatabase();
beforeEach(() => database.reset());

const ISSUER = "https://id.example.com/realms/corp";
const db = () => getDb();

function oidcEnv(extra: Record<string, string> = {}): Env {
  return parseEnv({ OIDC_ISSUER: ISSUER, OIDC_CLIENT_ID: "chat", OIDC_CLIENT_SECRET: "s3cret", ...extra });
}
const claims = (extra: Record<string, unknown> = {}): OidcClaims => ({
  iss: ISSUER,
  sub: "ann-sub",
  email: "ann@example.com",
  email_verified: true,
  name: "Ann",
  ...extra,
});

async function membershipsOf(userId: string) {
  const rows = await db().groupMember.findMany({ where: { userId }, include: { group: true } });
  return rows.map((row) => `${row.group.name}:${row.source}`).sort();
}

describe(`sign-in groups and approval on ${testProvider()}`, () => {
  it("replaces IdP memberships from the groups claim at each sign-in and keeps local ones", async () => {
    const env = oidcEnv();
    // Someone else first, so Ann is not the install's first (admin) user.
    await signInWithOidc(claims({ sub: "first", email: "first@example.com" }), env);
    const first = await signInWithOidc(claims({ groups: ["staff", "research"] }), env);
    if (!first.ok) throw new Error("sign-in failed");
    expect(await membershipsOf(first.userId)).toEqual(["research:idp", "staff:idp"]);
    expect(await db().group.findUniqueOrThrow({ where: { name: "staff" } })).toMatchObject({ source: "idp" });

    const local = await db().group.create({ data: { name: "pilot", source: "local" } });
    await db().groupMember.create({ data: { groupId: local.id, userId: first.userId, source: "local" } });

    expect(await signInWithOidc(claims({ groups: ["staff", "ops"] }), env)).toMatchObject({ ok: true });
    expect(await membershipsOf(first.userId)).toEqual(["ops:idp", "pilot:local", "staff:idp"]);
    // The group itself stays for others; only the membership went.
    expect(await db().group.count({ where: { name: "research" } })).toBe(1);

    expect(await signInWithOidc(claims({ groups: [] }), env)).toMatchObject({ ok: true });
    expect(await membershipsOf(first.userId)).toEqual(["pilot:local"]);
  });

  it("makes a user admin through a group mapped to admin; without OIDC_ADMIN_GROUPS the role then stays", async () => {
    const env = oidcEnv();
    await signInWithOidc(claims({ sub: "first", email: "first@example.com" }), env);
    await db().group.create({ data: { name: "chat-ops", source: "idp", role: "admin" } });

    const signedIn = await signInWithOidc(claims({ groups: ["chat-ops"] }), env);
    if (!signedIn.ok) throw new Error("sign-in failed");
    expect((await db().user.findUniqueOrThrow({ where: { id: signedIn.userId } })).role).toBe("admin");
    await signInWithOidc(claims({ groups: [] }), env);
    expect((await db().user.findUniqueOrThrow({ where: { id: signedIn.userId } })).role).toBe("admin");
  });

  it("with OIDC_ADMIN_GROUPS set, a mapped group also makes admin, and losing every admin group demotes", async () => {
    const env = oidcEnv({ OIDC_ADMIN_GROUPS: "chat-admins" });
    await db().group.create({ data: { name: "local-admins", source: "local", role: "admin" } });
    const signedIn = await signInWithOidc(claims({ groups: ["staff"] }), env);
    if (!signedIn.ok) throw new Error("sign-in failed");
    expect((await db().user.findUniqueOrThrow({ where: { id: signedIn.userId } })).role).toBe("user");

    const group = await db().group.findUniqueOrThrow({ where: { name: "local-admins" } });
    await db().groupMember.create({ data: { groupId: group.id, userId: signedIn.userId, source: "local" } });
    await signInWithOidc(claims({ groups: ["staff"] }), env);
    expect((await db().user.findUniqueOrThrow({ where: { id: signedIn.userId } })).role).toBe("admin");

    await db().groupMember.deleteMany({ where: { groupId: group.id } });
    await signInWithOidc(claims({ groups: ["staff"] }), env);
    expect((await db().user.findUniqueOrThrow({ where: { id: signedIn.userId } })).role).toBe("user");
    await signInWithOidc(claims({ groups: ["chat-admins"] }), env);
    expect((await db().user.findUniqueOrThrow({ where: { id: signedIn.userId } })).role).toBe("admin");
  });

  it("creates a new SSO user pending while approval is required, gives them no session, and lets them in once approved", async () => {
    const env = oidcEnv();
    await signInWithOidc(claims({ sub: "first", email: "first@example.com" }), env);
    await saveAccessSettings({ allowedEmailDomains: [], requireApproval: true });

    expect(await signInWithOidc(claims({ groups: ["staff"] }), env)).toEqual({ ok: false, code: "PendingApproval" });
    const user = await db().user.findUniqueOrThrow({ where: { email: "ann@example.com" } });
    expect(user).toMatchObject({ status: "pending", role: "user" });
    expect(await membershipsOf(user.id)).toEqual(["staff:idp"]);
    expect(await signInWithOidc(claims(), env)).toEqual({ ok: false, code: "PendingApproval" });
    // Even a session row made by some other path is not usable while pending.
    const session = await createSession({ userId: user.id, maxAgeMs: 60_000 });
    expect(await getActiveSessionWithUser({ id: session.id })).toBeNull();

    await changeUserStatus({ id: user.id, status: "active" });
    expect(await signInWithOidc(claims(), env)).toEqual({ ok: true, userId: user.id });
    // Existing users and admins by configuration are not held back.
    expect(await signInWithOidc(claims({ sub: "first", email: "first@example.com" }), env)).toMatchObject({ ok: true });
    const boss = await signInWithOidc(claims({ sub: "boss", email: "boss@example.com" }), oidcEnv({ ADMIN_EMAILS: "boss@example.com" }));
    expect(boss).toMatchObject({ ok: true });
  });

  it("uses the saved domain allowlist over ALLOWED_EMAIL_DOMAINS, for SSO and local accounts", async () => {
    const env = oidcEnv({ ALLOWED_EMAIL_DOMAINS: "example.com", LOCAL_ACCOUNTS: "true" });
    expect(await signInWithOidc(claims({ sub: "x", email: "x@corp.test" }), env)).toMatchObject({ ok: false, code: "DomainNotAllowed" });
    await saveAccessSettings({ allowedEmailDomains: ["corp.test"], requireApproval: false });
    expect(await signInWithOidc(claims({ sub: "x", email: "x@corp.test" }), env)).toMatchObject({ ok: true });
    expect(await signUpWithPassword({ email: "y@example.com", password: "long enough password", name: "Y" }, env)).toMatchObject({
      ok: false,
      code: "DomainNotAllowed",
    });
    expect(await signUpWithPassword({ email: "y@corp.test", password: "long enough password", name: "Y" }, env)).toMatchObject({ ok: true });
    expect(await signInWithPassword({ email: "y@corp.test", password: "long enough password" }, env)).toMatchObject({ ok: true });
  });

  it("concurrent first sign-ins that bring the same new group all get in, with one group row", async () => {
    const env = oidcEnv();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => signInWithOidc(claims({ sub: `u${index}`, email: `u${index}@example.com`, groups: ["brand-new"] }), env)),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await db().group.count({ where: { name: "brand-new" } })).toBe(1);
    expect(await db().groupMember.count()).toBe(6);
  });
});
