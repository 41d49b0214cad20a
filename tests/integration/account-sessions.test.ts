import { beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as signOutEverywhere } from "@/app/(chat)/api/account/sessions/route";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { createSession, getActiveSessionWithUser } from "@/lib/db/sessions";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser } from "../support/signed-in-user";

// Issue 16 item 12: "Sign out everywhere" on the account page, and the idle session timeout (SESSION_IDLE_MINUTES).

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
beforeEach(() => database.reset());

const HOUR = 3_600_000;
const request = () =>
  new Request("http://localhost/api/account/sessions", { method: "DELETE", headers: { "user-agent": "vitest", "x-forwarded-for": "203.0.113.4" } }) as never;

describe(`sign out everywhere on ${testProvider()}`, () => {
  it("ends every session of the user and only theirs, clears the cookie and is audited", async () => {
    const ann = await newUser("ann@example.com");
    const bob = await newUser("bob@example.com");
    for (let device = 0; device < 3; device++) await createSession({ userId: ann.id, maxAgeMs: HOUR });
    const bobs = await createSession({ userId: bob.id, maxAgeMs: HOUR });
    actAs(ann);

    const response = await signOutEverywhere(request(), {} as never);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ended: 3 });
    expect(response.headers.get("set-cookie")).toMatch(/chat\.session-token=;.*Max-Age=0/i);
    expect(await getDb().session.count({ where: { userId: ann.id } })).toBe(0);
    expect(await getActiveSessionWithUser({ id: bobs.id })).not.toBeNull();
    expect(await getDb().auditLogEntry.findFirst({ where: { action: "auth.signed_out_everywhere" } })).toMatchObject({
      actorId: ann.id,
      target: ann.id,
      ipAddress: "203.0.113.4",
      details: { sessions: 3 },
    });
  });

  it("answers 401 without a session", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    expect((await signOutEverywhere(request(), {} as never)).status).toBe(401);
  });
});

describe(`idle session timeout on ${testProvider()}`, () => {
  it("ends a session unused for longer than the idle limit, and keeps one in use", async () => {
    const ann = await newUser("ann@example.com");
    const idle = await createSession({ userId: ann.id, maxAgeMs: HOUR });
    const active = await createSession({ userId: ann.id, maxAgeMs: HOUR });
    await getDb().session.update({ where: { id: idle.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    await getDb().session.update({ where: { id: active.id }, data: { lastSeenAt: new Date(Date.now() - 29 * 60_000) } });

    expect(await getActiveSessionWithUser({ id: idle.id, idleMs: 30 * 60_000 })).toBeNull();
    expect(await getDb().session.findUnique({ where: { id: idle.id } })).toBeNull();
    expect(await getActiveSessionWithUser({ id: active.id, idleMs: 30 * 60_000 })).not.toBeNull();
    // 0: no idle limit, only the absolute lifetime.
    const old = await createSession({ userId: ann.id, maxAgeMs: HOUR });
    await getDb().session.update({ where: { id: old.id }, data: { lastSeenAt: new Date(Date.now() - 50 * 60_000) } });
    expect(await getActiveSessionWithUser({ id: old.id, idleMs: 0 })).not.toBeNull();
  });
});
