import "server-only";
import { getDb } from "./client";
import { claimSetting } from "./settings";

export type Role = "admin" | "user";
export type UserStatus = "active" | "disabled" | "pending";

const FIRST_ADMIN_KEY = "bootstrap.firstAdminUserId";

export type NewUser = {
  email: string;
  name?: string | null;
  image?: string | null;
  role: Role;
  /** "pending": waits for an admin's approval (new SSO users while approval is required). */
  status?: UserStatus;
  passwordHash?: string;
  groups?: string[];
  identity?: { issuer: string; subject: string };
  /** Whether this user becomes admin if it is the first one on an empty install. */
  mayBecomeFirstAdmin: boolean;
};

/**
 * Creates a user; the first user created on an empty install also becomes admin. Concurrent first sign-ups race
 * for one settings row, so exactly one of them wins.
 */
export async function createUser(input: NewUser) {
  const db = getDb();
  const isFirstUser = input.mayBecomeFirstAdmin && (await db.user.count()) === 0;
  const user = await db.user.create({
    data: {
      email: input.email,
      name: input.name ?? null,
      image: input.image ?? null,
      role: input.role,
      status: input.status ?? "active",
      passwordHash: input.passwordHash ?? null,
      groups: input.groups ?? [],
      identities: input.identity ? { create: input.identity } : undefined,
    },
  });
  if (isFirstUser && (await claimSetting(FIRST_ADMIN_KEY, user.id)) && user.role !== "admin") {
    return db.user.update({ where: { id: user.id }, data: { role: "admin" } });
  }
  return user;
}

export async function getUserById({ id }: { id: string }) {
  return getDb().user.findUnique({ where: { id } });
}

export async function getUserByEmail({ email }: { email: string }) {
  return getDb().user.findUnique({ where: { email } });
}

export async function getUserWithPasswordByEmail({ email }: { email: string }) {
  return getDb().user.findUnique({ where: { email }, omit: { passwordHash: false } });
}

export async function getUserByIdentity({ issuer, subject }: { issuer: string; subject: string }) {
  const identity = await getDb().identity.findUnique({
    where: { issuer_subject: { issuer, subject } },
    include: { user: true },
  });
  return identity?.user ?? null;
}

export async function updateUserFromSignIn({
  id,
  name,
  image,
  groups,
  role,
  identity,
}: {
  id: string;
  name?: string | null;
  image?: string | null;
  groups?: string[];
  role?: Role;
  identity?: { issuer: string; subject: string; email: string | null };
}) {
  const db = getDb();
  if (identity) {
    await db.identity.update({
      where: { issuer_subject: { issuer: identity.issuer, subject: identity.subject } },
      data: { email: identity.email },
    });
  }
  return db.user.update({
    where: { id },
    data: {
      ...(name !== undefined && { name }),
      ...(image !== undefined && { image }),
      ...(groups !== undefined && { groups }),
      ...(role !== undefined && { role }),
      lastActiveAt: new Date(),
    },
  });
}

export async function setUserRole({ id, role }: { id: string; role: Role }) {
  return getDb().user.update({ where: { id }, data: { role } });
}

/** Disabling also deletes the user's sessions, so they are signed out on their next request. */
export async function setUserStatus({ id, status }: { id: string; status: UserStatus }) {
  const db = getDb();
  const [user] = await db.$transaction([
    db.user.update({ where: { id }, data: { status } }),
    ...(status === "disabled" ? [db.session.deleteMany({ where: { userId: id } })] : []),
  ]);
  return user;
}

export async function countUsers() {
  return getDb().user.count();
}
