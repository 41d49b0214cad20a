import { auditRequest } from "@/lib/api/audit";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { auditCsvStream } from "@/lib/audit/csv-export";
import { toAuditEntryView } from "@/lib/audit/entry-view";
import { type AuditFilters, parseAuditQuery } from "@/lib/audit/filters";
import { InvalidAuditCursorError, listAuditEntries } from "@/lib/db/audit-log";
import { errorFields, log } from "@/lib/server/log";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const PAGE_SIZE = 50;

/**
 * The audit log, newest first: `?action=&actor=&from=&to=&target=&cursor=&limit=` → { entries, nextCursor }, or
 * `format=csv` for every matching entry as a spreadsheet. Read-only: there is no route that changes an entry.
 */
export const GET = withAdmin(async ({ request, user }) => {
  const query = parseAuditQuery(new URL(request.url).searchParams.entries());
  if (!query.success) return apiError("bad_request", query.message);
  const { cursor, limit, format, ...filters } = query.data;
  try {
    if (format === "csv") {
      await auditRequest(request, { action: "audit.exported", actorId: user.id, details: describeFilters(filters) });
      return new Response(auditCsvStream(filters), {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    }
    const page = await listAuditEntries(filters, { cursor, limit: limit ?? PAGE_SIZE });
    return apiJson({ entries: page.entries.map(toAuditEntryView), nextCursor: page.nextCursor });
  } catch (error) {
    if (error instanceof InvalidAuditCursorError) return apiError("bad_request", error.message);
    log.error({ area: "audit", route: "GET /api/admin/audit", ...errorFields(error) }, "request failed");
    return apiError("internal", "Something went wrong. Please try again.");
  }
});

function describeFilters(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
}
