import { vi } from "vitest";
import { getCurrentUser } from "@/lib/auth/session";
import { createUser } from "@/lib/db/users";

// For route tests: the calling file replaces the session lookup (it needs a Next.js request scope) with
// `vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }))`; these set who is signed in.

export type TestUser = { id: string; email: string; role?: "admin" | "user"; name?: string | null };

export async function newUser(email: string, role: "admin" | "user" = "user"): Promise<TestUser & { role: "admin" | "user" }> {
  const user = await createUser({ email, role, mayBecomeFirstAdmin: false });
  return { id: user.id, email, role };
}

/** The user the route handlers see as signed in (a plain user unless `role` says otherwise); null for no session. */
export function actAs(user: TestUser | null) {
  vi.mocked(getCurrentUser).mockResolvedValue(
    user && { id: user.id, email: user.email, name: user.name ?? null, image: null, role: user.role ?? "user", sessionId: "s" },
  );
}

/** A new plain user, signed in from now on. */
export async function signInNewUser(email = "ann@example.com"): Promise<TestUser> {
  const user = await newUser(email);
  actAs(user);
  return user;
}
