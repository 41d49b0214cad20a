import "server-only";
import { z } from "zod";
import type { AuditFilters } from "@/lib/audit/filters";
import { currentDatabaseTarget, getDb } from "./client";

// Reading the audit log (lib/db/audit.ts writes it). Newest first, paged by a keyset cursor on (createdAt, id).

const DAY_MS = 86_400_000;

const cursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.string().min(1).max(200) }).strict();
type AuditCursor = z.infer<typeof cursorSchema>;

export class InvalidAuditCursorError extends Error {
  constructor() {
    super("The page cursor is not valid: start again from the first page.");
  }
}

export function encodeAuditCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ createdAt: row.createdAt.toISOString(), id: row.id })).toString("base64url");
}

function decodeAuditCursor(value: string): AuditCursor {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the error below
  }
  throw new InvalidAuditCursorError();
}

// PostgreSQL compares case-sensitively unless asked; SQLite's LIKE already ignores ASCII case (and has no `mode`).
function containsIgnoringCase(text: string) {
  return (currentDatabaseTarget().provider === "postgres" ? { contains: text, mode: "insensitive" } : { contains: text }) as { contains: string };
}

function whereFor(filters: AuditFilters, cursor: AuditCursor | null) {
  const createdAt = {
    ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00.000Z`) } : {}),
    ...(filters.to ? { lt: new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + DAY_MS) } : {}),
  };
  const before = cursor && new Date(cursor.createdAt);
  return {
    ...(filters.action ? { action: filters.action } : {}),
    // Emails are stored lower-case (lib/auth/policy normalizeEmail).
    ...(filters.actor ? { actor: { email: { contains: filters.actor.toLowerCase() } } } : {}),
    ...(filters.target ? { target: containsIgnoringCase(filters.target) } : {}),
    ...(Object.keys(createdAt).length ? { createdAt } : {}),
    ...(before ? { OR: [{ createdAt: { lt: before } }, { createdAt: before, id: { lt: cursor.id } }] } : {}),
  };
}

export type AuditLogRow = {
  id: string;
  createdAt: Date;
  action: string;
  target: string | null;
  details: unknown;
  ipAddress: string | null;
  userAgent: string | null;
  actorId: string | null;
  actor: { name: string | null; email: string } | null;
  /** When the target is a user id of a user who still exists: who that is (the entry keeps only the id). */
  targetUser: { name: string | null; email: string } | null;
};

/** Names the users that entries target (a disabled user, a changed role...), in one query for the whole page. */
async function withTargetUsers<T extends { target: string | null }>(rows: T[]): Promise<(T & { targetUser: AuditLogRow["targetUser"] })[]> {
  const ids = [...new Set(rows.map((row) => row.target).filter((target): target is string => Boolean(target)))];
  const users = ids.length ? await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(users.map((user) => [user.id, { name: user.name, email: user.email }]));
  return rows.map((row) => ({ ...row, targetUser: (row.target && byId.get(row.target)) || null }));
}

/** One page of entries matching `filters`, newest first; `nextCursor` is null on the last page. */
export async function listAuditEntries(
  filters: AuditFilters,
  { cursor, limit }: { cursor?: string | null; limit: number },
): Promise<{ entries: AuditLogRow[]; nextCursor: string | null }> {
  const rows = await getDb().auditLogEntry.findMany({
    where: whereFor(filters, cursor ? decodeAuditCursor(cursor) : null),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      createdAt: true,
      action: true,
      target: true,
      details: true,
      ipAddress: true,
      userAgent: true,
      actorId: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const entries = await withTargetUsers(page.filter((row) => targetMatches(row.target, filters.target)));
  return { entries, nextCursor: rows.length > limit && last ? encodeAuditCursor(last) : null };
}

/**
 * Prisma's `contains` is a LIKE that takes a % or _ in the searched text as a wildcard (on both databases, as the
 * test shows): a row it matched only through one is dropped here. Such a page may hold fewer entries; the cursor
 * still moves past them.
 */
function targetMatches(target: string | null, text: string | undefined): boolean {
  return !text || (target ?? "").toLowerCase().includes(text.toLowerCase());
}

/** Every matching entry, newest first, a page at a time (for the CSV export), up to `max`. */
export async function* eachAuditEntry(filters: AuditFilters, { pageSize = 500, max }: { pageSize?: number; max: number }) {
  let cursor: string | null = null;
  let sent = 0;
  do {
    const page: { entries: AuditLogRow[]; nextCursor: string | null } = await listAuditEntries(filters, { cursor, limit: Math.min(pageSize, max - sent) });
    yield* page.entries;
    sent += page.entries.length;
    cursor = page.nextCursor;
  } while (cursor && sent < max);
}
