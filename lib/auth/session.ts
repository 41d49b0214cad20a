import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { getActiveSessionWithUser } from "@/lib/db/sessions";
import { getEnv } from "@/lib/env";
import { noteRequestUser } from "@/lib/server/request-log";
import { sessionCookieName } from "./cookies";
import { getAuthSecret } from "./secret";

export type CurrentUser = {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
  role: "admin" | "user";
  sessionId: string;
};

async function sessionIdFromCookie(): Promise<string | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token || token.length > 8_192) return null;
  try {
    const payload = await decode({ token, secret: getAuthSecret() });
    return typeof payload?.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in user, read from the database on every request (once per request thanks to cache()): null when the
 * cookie is missing or invalid, the session was ended, or the user is disabled.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) return null;
  const session = await getActiveSessionWithUser({ id: sessionId, idleMs: getEnv().SESSION_IDLE_MINUTES * 60_000 });
  if (!session) return null;
  const { user } = session;
  noteRequestUser(user.id);
  return { id: user.id, email: user.email, name: user.name, image: user.image, role: user.role, sessionId };
});

/** For pages: the user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(returnTo = "/"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For admin pages: non-admins get a 404, so the admin area is not even confirmed to exist. */
export async function requireAdmin(returnTo = "/admin"): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (user.role !== "admin") notFound();
  return user;
}
