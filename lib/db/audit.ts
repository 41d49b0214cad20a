import "server-only";
import { getDb } from "./client";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_out"
  | "auth.sign_up"
  | "user.role_changed"
  | "user.status_changed";

/** Appends an entry; the app never updates or deletes audit entries. */
export async function recordAuditEvent({
  action,
  actorId,
  target,
  details,
  ipAddress,
}: {
  action: AuditAction;
  actorId?: string | null;
  target?: string | null;
  details?: Record<string, string | number | boolean | null>;
  ipAddress?: string | null;
}) {
  await getDb().auditLogEntry.create({
    data: { action, actorId: actorId ?? null, target: target ?? null, details: details ?? {}, ipAddress: ipAddress ?? null },
  });
}
