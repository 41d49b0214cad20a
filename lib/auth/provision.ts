import "server-only";
import { recordAuditEvent } from "@/lib/db/audit";
import { syncIdpGroupMemberships } from "@/lib/db/groups";
import { createUser, getUserByEmail, getUserByIdentity, getUserWithPasswordByEmail, setUserRole, updateUserFromSignIn } from "@/lib/db/users";
import { type Env, getEnv } from "@/lib/env";
import { getAccessSettings } from "./access-settings";
import { clearSignInFailures, consumeSignUpAttempt, recordSignInFailure, signInWaitSeconds } from "./attempt-limits";
import { PasswordHashingBusyError } from "./hash-slots";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";
import { groupsFromClaims, isAdminEmail, isEmailDomainAllowed, isInAdminGroup, normalizeEmail, roleAtSignIn } from "./policy";
import { currentRequestContext } from "./request-context";
import type { SignInErrorCode } from "./sign-in-errors";

export type SignInResult = { ok: true; userId: string } | { ok: false; code: SignInErrorCode | "PendingApproval"; retryAfterSeconds?: number };

async function refuse(code: SignInErrorCode | "PendingApproval", details: Record<string, string | null>): Promise<SignInResult> {
  await recordAuditEvent({
    action: "auth.sign_in_failed",
    details: { reason: code, ...details },
    ...currentRequestContext(),
  });
  return { ok: false, code };
}

async function accepted(userId: string, method: string): Promise<SignInResult> {
  await recordAuditEvent({ action: "auth.sign_in", actorId: userId, details: { method }, ...currentRequestContext() });
  return { ok: true, userId };
}

export type OidcClaims = Record<string, unknown> & { iss?: unknown; sub?: unknown; email?: unknown };

/**
 * Finds or creates the user for an OIDC sign-in. The user is found by (issuer, subject) only: a changed email claim
 * never switches accounts, and an email that already belongs to another account is refused rather than linked.
 * The user's IdP group memberships are replaced by the groups claim at every sign-in (memberships added in the app
 * stay), and the role follows roleAtSignIn. While approval is required, a new user who is not an admin by
 * configuration is created pending and gets no session until an admin approves them.
 */
export async function signInWithOidc(claims: OidcClaims, env: Env = getEnv()): Promise<SignInResult> {
  const issuer = typeof claims.iss === "string" ? claims.iss : env.oidc?.issuer;
  const subject = typeof claims.sub === "string" ? claims.sub : null;
  if (!issuer || !subject) return refuse("Default", { method: "oidc", problem: "no iss/sub" });
  const email = typeof claims.email === "string" && claims.email.includes("@") ? normalizeEmail(claims.email) : null;
  if (!email) return refuse("MissingEmail", { method: "oidc", subject });
  if (claims.email_verified === false) return refuse("EmailNotVerified", { method: "oidc", email });
  const access = await getAccessSettings(env);
  if (!isEmailDomainAllowed(email, access.allowedEmailDomains)) return refuse("DomainNotAllowed", { method: "oidc", email });

  const groups = groupsFromClaims(claims, env.OIDC_GROUPS_CLAIM);
  const isAdminByEnv = isInAdminGroup(groups, env.OIDC_ADMIN_GROUPS) || isAdminEmail(email, env.ADMIN_EMAILS);
  const name =
    typeof claims.name === "string"
      ? claims.name.slice(0, 200)
      : typeof claims.preferred_username === "string"
        ? claims.preferred_username.slice(0, 200)
        : null;
  const image = typeof claims.picture === "string" && /^https:\/\//.test(claims.picture) ? claims.picture.slice(0, 2000) : null;

  // With OIDC_ADMIN_GROUPS set, the IdP decides who is admin at every sign-in (no first-user bootstrap);
  // without it, roles are managed in the app and only ever raised here.
  const groupsDecideRole = env.OIDC_ADMIN_GROUPS.length > 0;

  const existing = await getUserByIdentity({ issuer, subject });
  if (existing) {
    if (existing.status === "pending") return refuse("PendingApproval", { method: "oidc", email });
    if (existing.status !== "active") return refuse("AccountDisabled", { method: "oidc", email });
    const groupRoles = await syncIdpGroupMemberships({ userId: existing.id, names: groups });
    const role = roleAtSignIn({ isAdminByEnv, groupRoles, groupsDecideRole });
    await updateUserFromSignIn({ id: existing.id, name, image, groups, role, identity: { issuer, subject, email } });
    return accepted(existing.id, "oidc");
  }
  if (await getUserByEmail({ email })) return refuse("EmailInUse", { method: "oidc", email });
  const needsApproval = access.requireApproval && !isAdminByEnv;
  const created = await createUser({
    email,
    name,
    image,
    groups,
    role: isAdminByEnv ? "admin" : "user",
    status: needsApproval ? "pending" : "active",
    identity: { issuer, subject },
    mayBecomeFirstAdmin: !groupsDecideRole && !needsApproval,
  });
  const groupRoles = await syncIdpGroupMemberships({ userId: created.id, names: groups });
  const user = created.role !== "admin" && groupRoles.includes("admin") ? await setUserRole({ id: created.id, role: "admin" }) : created;
  await recordAuditEvent({
    action: "auth.sign_up",
    actorId: user.id,
    details: { method: "oidc", role: user.role, status: user.status },
    ...currentRequestContext(),
  });
  if (user.status === "pending") return { ok: false, code: "PendingApproval" };
  return accepted(user.id, "oidc");
}

/**
 * Local sign-in, behind the brute-force limits of lib/auth/attempt-limits.ts (checked before any hashing, so a locked
 * account costs no scrypt work) and a hashing slot (lib/auth/hash-slots.ts: "Busy" when a storm fills the queue).
 */
export async function signInWithPassword({ email: rawEmail, password }: { email: string; password: string }, env: Env = getEnv()): Promise<SignInResult> {
  if (!env.LOCAL_ACCOUNTS) return { ok: false, code: "LocalAccountsDisabled" };
  const email = normalizeEmail(rawEmail);
  const keys = { email, ipAddress: currentRequestContext().ipAddress };
  const wait = await signInWaitSeconds(keys, env);
  if (wait > 0) return { ok: false, code: "TooManyAttempts", retryAfterSeconds: wait };
  const user = await getUserWithPasswordByEmail({ email });
  let isValid: boolean;
  try {
    isValid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  } catch (error) {
    if (error instanceof PasswordHashingBusyError) return { ok: false, code: "Busy" };
    throw error;
  }
  if (!user?.passwordHash || !isValid) {
    const outcome = await recordSignInFailure(keys, env);
    for (const scope of outcome.lockedOut) {
      await recordAuditEvent({
        action: "auth.locked_out",
        target: scope === "account" ? email : keys.ipAddress,
        details: { scope, email, minutes: outcome.lockoutMinutes },
        ...currentRequestContext(),
      });
    }
    return refuse("InvalidCredentials", { method: "password", email });
  }
  await clearSignInFailures({ email }, env);
  if (user.status !== "active") return refuse("AccountDisabled", { method: "password", email });
  if (!isEmailDomainAllowed(email, (await getAccessSettings(env)).allowedEmailDomains)) return refuse("DomainNotAllowed", { method: "password", email });
  await updateUserFromSignIn({ id: user.id, role: isAdminEmail(email, env.ADMIN_EMAILS) ? "admin" : undefined });
  return accepted(user.id, "password");
}

export type SignUpResult = { ok: true; userId: string } | { ok: false; code: SignInErrorCode | "SignUpClosed" | "EmailTaken"; retryAfterSeconds?: number };

/**
 * Creates a local account. A taken email answers EmailTaken here, after the same work as a new account (a password
 * hash and an audit entry), so that the sign-up action can answer both alike in words and in time.
 */
export async function signUpWithPassword(
  { email: rawEmail, password, name }: { email: string; password: string; name: string },
  env: Env = getEnv(),
): Promise<SignUpResult> {
  if (!env.LOCAL_ACCOUNTS) return { ok: false, code: "LocalAccountsDisabled" };
  if (!env.LOCAL_SIGNUP) return { ok: false, code: "SignUpClosed" };
  const email = normalizeEmail(rawEmail);
  const { ipAddress } = currentRequestContext();
  const wait = await consumeSignUpAttempt({ email, ipAddress }, env);
  if (wait > 0) return { ok: false, code: "TooManyAttempts", retryAfterSeconds: wait };
  if (!isEmailDomainAllowed(email, (await getAccessSettings(env)).allowedEmailDomains)) return { ok: false, code: "DomainNotAllowed" };
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(password);
  } catch (error) {
    if (error instanceof PasswordHashingBusyError) return { ok: false, code: "Busy" };
    throw error;
  }
  const taken = async (): Promise<SignUpResult> => {
    await recordAuditEvent({ action: "auth.sign_up_refused", details: { method: "password", reason: "EmailTaken", email }, ...currentRequestContext() });
    return { ok: false, code: "EmailTaken" };
  };
  if (await getUserByEmail({ email })) return taken();
  try {
    const user = await createUser({
      email,
      name: name.trim() || null,
      role: isAdminEmail(email, env.ADMIN_EMAILS) ? "admin" : "user",
      passwordHash,
      mayBecomeFirstAdmin: true,
    });
    await recordAuditEvent({ action: "auth.sign_up", actorId: user.id, details: { method: "password", role: user.role }, ...currentRequestContext() });
    return { ok: true, userId: user.id };
  } catch (error) {
    // Two sign-ups with one email at once: the unique index lets one through.
    if ((error as { code?: string }).code === "P2002") return taken();
    throw error;
  }
}
