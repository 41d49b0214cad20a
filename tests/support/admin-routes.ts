import { NextRequest } from "next/server";
import { vi } from "vitest";
import { getCurrentUser } from "@/lib/auth/session";
import { createUser } from "@/lib/db/users";

// For admin route tests (the calling file mocks @/lib/auth/session as signed-in-user.ts describes).

export type Actor = { id: string; email: string; role: "admin" | "user" };

export async function newAccount(email: string, role: "admin" | "user" = "user"): Promise<Actor> {
  const user = await createUser({ email, role, mayBecomeFirstAdmin: false });
  return { id: user.id, email, role };
}

/** Who the route handlers see as signed in; null: no session. */
export function signInAs(actor: Actor | null) {
  vi.mocked(getCurrentUser).mockResolvedValue(actor && { id: actor.id, email: actor.email, name: null, image: null, role: actor.role, sessionId: "s" });
}

export function jsonRequest(path: string, method: string, body?: unknown): NextRequest {
  return new NextRequest(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json", "user-agent": "vitest" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

export const params = <T extends Record<string, string>>(values: T) => ({ params: Promise.resolve(values) });
