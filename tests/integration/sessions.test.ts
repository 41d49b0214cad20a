import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createSession, deleteExpiredSessions, deleteSession, deleteSessionsByUserId, getActiveSessionWithUser } from "@/lib/db/sessions";
import { createUser, setUserRole, setUserStatus } from "@/lib/db/users";
import { testProvider, useTestDatabase } from "../support/database";

// Server-side sessions (lib/db/sessions.ts): the cookie names a row, and every lookup reads the user afresh.

const database = useTestDatabase();
beforeEach(() => database.reset());

const HOUR = 60 * 60 * 1000;

async function newUser(email = "sam@example.com") {
  return createUser({ email, name: "Sam", role: "user", mayBecomeFirstAdmin: false });
}

describe(`sessions on ${testProvider()}`, () => {
  it("creates a session and finds it with its user", async () => {
    const user = await newUser();
    const session = await createSession({ userId: user.id, maxAgeMs: HOUR, ipAddress: "203.0.113.7", userAgent: "x".repeat(1000) });
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(session.userAgent).toHaveLength(400);

    const found = await getActiveSessionWithUser({ id: session.id });
    expect(found).toMatchObject({ id: session.id, userId: user.id, ipAddress: "203.0.113.7" });
    expect(found?.user).toMatchObject({ id: user.id, email: "sam@example.com", role: "user", status: "active" });
    expect(found?.user).not.toHaveProperty("passwordHash");
  });

  it("returns null for an unknown session id", async () => {
    expect(await getActiveSessionWithUser({ id: "no-such-session" })).toBeNull();
  });

  it("returns null for an expired session", async () => {
    const user = await newUser();
    const session = await createSession({ userId: user.id, maxAgeMs: -1_000 });
    expect(await getActiveSessionWithUser({ id: session.id })).toBeNull();
    expect(await deleteExpiredSessions()).toBe(1);
    expect(await getDb().session.count()).toBe(0);
  });

  it("disabling a user deletes their sessions, so the next lookup is null", async () => {
    const user = await newUser();
    const other = await newUser("other@example.com");
    const first = await createSession({ userId: user.id, maxAgeMs: HOUR });
    const second = await createSession({ userId: user.id, maxAgeMs: HOUR });
    const untouched = await createSession({ userId: other.id, maxAgeMs: HOUR });

    const disabled = await setUserStatus({ id: user.id, status: "disabled" });
    expect(disabled.status).toBe("disabled");
    expect(await getDb().session.findMany({ where: { userId: user.id } })).toEqual([]);
    expect(await getActiveSessionWithUser({ id: first.id })).toBeNull();
    expect(await getActiveSessionWithUser({ id: second.id })).toBeNull();
    expect(await getActiveSessionWithUser({ id: untouched.id })).not.toBeNull();
  });

  it("does not accept a session of a disabled user even if the row survived", async () => {
    const user = await newUser();
    const session = await createSession({ userId: user.id, maxAgeMs: HOUR });
    // As if the status changed without going through setUserStatus (another instance, a manual fix).
    await getDb().user.update({ where: { id: user.id }, data: { status: "disabled" } });
    expect(await getActiveSessionWithUser({ id: session.id })).toBeNull();
  });

  it("reads the role afresh: a role change shows on the next lookup", async () => {
    const user = await newUser();
    const session = await createSession({ userId: user.id, maxAgeMs: HOUR });
    expect((await getActiveSessionWithUser({ id: session.id }))?.user.role).toBe("user");

    await setUserRole({ id: user.id, role: "admin" });
    expect((await getActiveSessionWithUser({ id: session.id }))?.user.role).toBe("admin");

    await setUserRole({ id: user.id, role: "user" });
    expect((await getActiveSessionWithUser({ id: session.id }))?.user.role).toBe("user");
  });

  it("touches lastSeenAt and the user's lastActiveAt when the session was last seen over a minute ago", async () => {
    const user = await newUser();
    const session = await createSession({ userId: user.id, maxAgeMs: HOUR });
    const longAgo = new Date(Date.now() - 10 * 60 * 1000);
    await getDb().session.update({ where: { id: session.id }, data: { lastSeenAt: longAgo } });

    await getActiveSessionWithUser({ id: session.id });
    const touched = await getDb().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(longAgo.getTime());
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).lastActiveAt).not.toBeNull();
  });

  it("deleteSession signs that session out, and deleting it again is harmless", async () => {
    const user = await newUser();
    const kept = await createSession({ userId: user.id, maxAgeMs: HOUR });
    const gone = await createSession({ userId: user.id, maxAgeMs: HOUR });
    await deleteSession({ id: gone.id });
    expect(await getActiveSessionWithUser({ id: gone.id })).toBeNull();
    await expect(deleteSession({ id: gone.id })).resolves.toBeUndefined();
    expect(await getActiveSessionWithUser({ id: kept.id })).not.toBeNull();
  });

  it("deleteSessionsByUserId signs a user out everywhere", async () => {
    const user = await newUser();
    const sessions = await Promise.all([1, 2, 3].map(() => createSession({ userId: user.id, maxAgeMs: HOUR })));
    await deleteSessionsByUserId({ userId: user.id });
    for (const session of sessions) expect(await getActiveSessionWithUser({ id: session.id })).toBeNull();
  });

  it("deletes a user's sessions with the user", async () => {
    const user = await newUser();
    const session = await createSession({ userId: user.id, maxAgeMs: HOUR });
    await getDb().user.delete({ where: { id: user.id } });
    expect(await getActiveSessionWithUser({ id: session.id })).toBeNull();
    expect(await getDb().session.count()).toBe(0);
  });
});
