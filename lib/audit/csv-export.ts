import "server-only";
import { eachAuditEntry } from "@/lib/db/audit-log";
import { errorFields, log } from "@/lib/server/log";
import { csvRow } from "./csv";
import { toAuditEntryView } from "./entry-view";
import type { AuditFilters } from "./filters";

// A spreadsheet is no place for more than this; narrow the filters for older entries.
const CSV_MAX_ROWS = 100_000;

const HEADER = ["Time (UTC)", "Actor", "Actor email", "Action", "Action label", "Target", "Target user", "Details", "IP address", "User agent"];

/** The matching entries as CSV, read a page at a time while the response is sent. */
export function auditCsvStream(filters: AuditFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = eachAuditEntry(filters, { max: CSV_MAX_ROWS });
  return new ReadableStream({
    start(controller) {
      // A byte-order mark, so Excel reads the file as UTF-8.
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(HEADER)}`));
    },
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) return controller.close();
        const entry = toAuditEntryView(next.value);
        controller.enqueue(
          encoder.encode(
            csvRow([
              entry.at,
              entry.actor.label,
              entry.actor.email,
              entry.action,
              entry.actionLabel,
              entry.target,
              entry.targetUserLabel,
              entry.details,
              entry.ipAddress,
              entry.userAgent,
            ]),
          ),
        );
      } catch (error) {
        log.error({ area: "audit", ...errorFields(error) }, "audit CSV export failed");
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
