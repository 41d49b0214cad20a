import type { AuditLogRow } from "@/lib/db/audit-log";
import { auditActionLabel } from "./action-labels";
import { shortUserAgent } from "./user-agent";

// How an audit entry is shown (page, JSON and CSV alike).

const SYSTEM_ACTIONS = new Set(["retention.ran"]);
const DETAILS_MAX = 500;

export type AuditEntryView = {
  id: string;
  at: string;
  actor: { id: string | null; label: string; email: string | null };
  action: string;
  actionLabel: string;
  target: string | null;
  /** The targeted user as "Name <email>" (or the email), when the target is a user. */
  targetUserLabel: string | null;
  details: string;
  ipAddress: string | null;
  userAgent: string | null;
  userAgentShort: string | null;
};

function detailValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(detailValue).join(", ");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** `{ reason: "InvalidCredentials", method: "password" }` → "reason: InvalidCredentials; method: password". */
export function formatAuditDetails(details: unknown): string {
  if (details === null || typeof details !== "object" || Array.isArray(details)) return details == null ? "" : detailValue(details);
  const text = Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${detailValue(value)}`)
    .join("; ");
  return text.length > DETAILS_MAX ? `${text.slice(0, DETAILS_MAX - 1)}…` : text;
}

function actorOf(row: AuditLogRow): AuditEntryView["actor"] {
  if (row.actor) return { id: row.actorId, label: row.actor.name?.trim() || row.actor.email, email: row.actor.email };
  // No actor: the app itself did it, or nobody was signed in (a failed sign-in) or the user was deleted since.
  return { id: null, label: SYSTEM_ACTIONS.has(row.action) ? "System" : "Unknown", email: null };
}

export function toAuditEntryView(row: AuditLogRow): AuditEntryView {
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    actor: actorOf(row),
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    target: row.target,
    targetUserLabel: row.targetUser ? (row.targetUser.name?.trim() ? `${row.targetUser.name.trim()} <${row.targetUser.email}>` : row.targetUser.email) : null,
    details: formatAuditDetails(row.details),
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    userAgentShort: shortUserAgent(row.userAgent),
  };
}
