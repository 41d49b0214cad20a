import "server-only";
import { getEnv } from "@/lib/env";
import { isCrossOriginWrite } from "./cross-origin";
import { apiError } from "./responses";

/** The 403 for a write from another origin (see cross-origin.ts), or null to go on. */
export function refuseCrossOriginWrite(request: Request): Response | null {
  if (!isCrossOriginWrite(request, getEnv().APP_URL)) return null;
  // The body is never read: cancelling it tells Next so, else a connection reset by the browser surfaces as an
  // uncaught "aborted" error.
  void request.body?.cancel().catch(() => undefined);
  return apiError("forbidden", "This request must come from the app's own pages.");
}
