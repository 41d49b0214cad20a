import "server-only";
import { contextFromHeaders } from "@/lib/auth/request-context";
import { type AuditEvent, recordAuditEvent } from "@/lib/db/audit";

/** Records an admin action or security event done through `request`, with where it came from. */
export async function auditRequest(request: Request, event: Omit<AuditEvent, "ipAddress" | "userAgent">): Promise<void> {
  const { ipAddress, userAgent } = contextFromHeaders(request.headers);
  await recordAuditEvent({ ...event, ipAddress, userAgent });
}
