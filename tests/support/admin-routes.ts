import { NextRequest } from "next/server";

// Requests for route tests; who is signed in is signed-in-user.ts.

export function jsonRequest(path: string, method: string, body?: unknown): NextRequest {
  return new NextRequest(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json", "user-agent": "vitest" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

export const params = <T extends Record<string, string>>(values: T) => ({ params: Promise.resolve(values) });
