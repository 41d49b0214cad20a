import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { getSettings } from "@/lib/db/settings";
import { countUsers, createUser, getUserByEmail, getUserByIdentity, getUserWithPasswordByEmail } from "@/lib/db/users";
import { testProvider, useTestDatabase } from "../support/database";

const database = useTestDatabase();
beforeEach(() => database.reset());

const FIRST_ADMIN_KEY = "bootstrap.firstAdminUserId";

describe(`createUser on ${testProvider()}`, () => {
  it("makes the first user of an empty install admin and records who", async () => {
    const first = await createUser({ email: "first@example.com", role: "user", mayBecomeFirstAdmin: true });
    const second = await createUser({ email: "second@example.com", role: "user", mayBecomeFirstAdmin: true });
    expect(first.role).toBe("admin");
    expect(second.role).toBe("user");
    expect((await getSettings([FIRST_ADMIN_KEY])).get(FIRST_ADMIN_KEY)).toBe(first.id);
  });

  it("20 concurrent first sign-ups on an empty install make exactly one admin", async () => {
    const users = await Promise.all(
      Array.from({ length: 20 }, (_, index) => createUser({ email: `user${index}@example.com`, role: "user", mayBecomeFirstAdmin: true })),
    );
    const admins = users.filter((user) => user.role === "admin");
    expect(admins).toHaveLength(1);
    expect(await countUsers()).toBe(20);
    // What the functions returned is what is stored.
    const stored = await getDb().user.findMany({ where: { role: "admin" } });
    expect(stored.map((user) => user.id)).toEqual([admins[0]!.id]);
    expect((await getSettings([FIRST_ADMIN_KEY])).get(FIRST_ADMIN_KEY)).toBe(admins[0]!.id);
  });

  it("does not make anyone admin when the user may not become first admin", async () => {
    const user = await createUser({ email: "sso@example.com", role: "user", mayBecomeFirstAdmin: false });
    expect(user.role).toBe("user");
    expect(await getDb().user.count({ where: { role: "admin" } })).toBe(0);
    expect((await getSettings([FIRST_ADMIN_KEY])).get(FIRST_ADMIN_KEY)).toBeUndefined();
  });

  it("keeps a role given as admin, and still claims the first-admin slot", async () => {
    const user = await createUser({ email: "boss@example.com", role: "admin", mayBecomeFirstAdmin: true });
    expect(user.role).toBe("admin");
    expect((await getSettings([FIRST_ADMIN_KEY])).get(FIRST_ADMIN_KEY)).toBe(user.id);
    const next = await createUser({ email: "next@example.com", role: "user", mayBecomeFirstAdmin: true });
    expect(next.role).toBe("user");
  });

  it("refuses a second user with the same email (unique violation)", async () => {
    await createUser({ email: "dup@example.com", role: "user", mayBecomeFirstAdmin: false });
    const error = await createUser({ email: "dup@example.com", role: "user", mayBecomeFirstAdmin: false }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).not.toBeNull();
    expect(isUniqueViolation(error)).toBe(true);
    expect(await countUsers()).toBe(1);
  });

  it("lets exactly one of several concurrent creations with one email through", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => createUser({ email: "race@example.com", role: "user", mayBecomeFirstAdmin: true })),
    );
    const created = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(created).toHaveLength(1);
    expect(refused.every((result) => isUniqueViolation(result.reason))).toBe(true);
    expect(await countUsers()).toBe(1);
  });

  it("stores groups and an identity, finds the user by (issuer, subject), and hides the password hash by default", async () => {
    const user = await createUser({
      email: "idp@example.com",
      name: "Ida",
      role: "user",
      groups: ["staff", "ops"],
      passwordHash: "scrypt$not-a-real-hash",
      identity: { issuer: "https://id.example.com", subject: "sub-1" },
      mayBecomeFirstAdmin: false,
    });
    expect(user).not.toHaveProperty("passwordHash");
    expect(user.groups).toEqual(["staff", "ops"]);
    expect((await getUserByIdentity({ issuer: "https://id.example.com", subject: "sub-1" }))?.id).toBe(user.id);
    expect(await getUserByIdentity({ issuer: "https://other.example.com", subject: "sub-1" })).toBeNull();
    expect(await getUserByEmail({ email: "idp@example.com" })).not.toHaveProperty("passwordHash");
    expect((await getUserWithPasswordByEmail({ email: "idp@example.com" }))?.passwordHash).toBe("scrypt$not-a-real-hash");
  });
});
