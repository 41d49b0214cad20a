import "server-only";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { NextResponse } from "next/server";

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * The answer to an error no route expected: 503 "temporarily unavailable" (with Retry-After) when the database cannot
 * serve, else 500; always the JSON error shape, never the error's own text (Prisma messages name tables and SQL).
 */
export function unexpectedErrorResponse(route: string, error: unknown): NextResponse {
  const unavailable = isDatabaseUnavailable(error);
  const detail = error instanceof Error ? `${error.name}: ${error.message.split("\n").filter(Boolean).at(-1) ?? ""}` : String(error);
  console.error(`[api] ${route} failed${unavailable ? " (database unavailable)" : ""}: ${detail}`);
  if (unavailable) {
    return NextResponse.json(
      { error: { code: "unavailable", message: "The service is temporarily unavailable. Please try again in a moment." } },
      { status: 503, headers: { ...NO_STORE, "Retry-After": "5" } },
    );
  }
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong. Please try again." } }, { status: 500, headers: NO_STORE });
}
