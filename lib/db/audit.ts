import "server-only";
import { getDb } from "./client";

/** Every kind of entry: "area.what_happened". */
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_out"
  | "auth.sign_up"
  | "auth.sign_up_refused"
  | "auth.locked_out"
  | "auth.signed_out_everywhere"
  | "user.created"
  | "user.role_changed"
  | "user.status_changed"
  | "user.approved"
  | "user.deleted"
  | "group.created"
  | "group.updated"
  | "group.deleted"
  | "group.member_added"
  | "group.member_removed"
  | "model.created"
  | "model.updated"
  | "model.deleted"
  | "model.key_changed"
  | "model.tested"
  | "model.access_changed"
  | "quota.changed"
  | "settings.changed"
  | "usage.exported"
  | "audit.exported"
  | "conversation.exported"
  | "account.exported"
  | "account.data_deleted"
  | "retention.ran"
  | "api_key.created"
  | "api_key.revoked"
  | "api_key.admin_revoked"
  | "privacy.blocked"
  | "privacy.confirmed"
  | "privacy.redacted"
  | "eval_set.created"
  | "eval_set.deleted"
  | "eval_run.started"
  | "eval_run.cancelled"
  | "eval_run.exported";

export interface AuditEvent {
  action: AuditAction;
  /** Who did it (null: the system, or nobody signed in). */
  actorId?: string | null;
  /** What it was done to: a user id, model id, setting key... */
  target?: string | null;
  /** Never a secret: name the field that changed, not its value. */
  details?: Record<string, string | number | boolean | null | string[]>;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** Appends an entry; the app never updates or deletes audit entries. */
export async function recordAuditEvent({ action, actorId, target, details, ipAddress, userAgent }: AuditEvent) {
  await getDb().auditLogEntry.create({
    data: {
      action,
      actorId: actorId ?? null,
      target: target ?? null,
      details: details ?? {},
      ipAddress: ipAddress ?? null,
      userAgent: userAgent?.slice(0, 500) ?? null,
    },
  });
}
