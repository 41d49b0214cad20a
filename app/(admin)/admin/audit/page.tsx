import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AdminPage } from "@/components/admin/admin-page";
import { AuditFiltersForm } from "@/components/admin/audit/audit-filters";
import { AuditTable } from "@/components/admin/audit/audit-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { toAuditEntryView } from "@/lib/audit/entry-view";
import { type AuditFilters, auditFilterParams, parseAuditQuery } from "@/lib/audit/filters";
import { requireAdmin } from "@/lib/auth/session";
import { InvalidAuditCursorError, listAuditEntries } from "@/lib/db/audit-log";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log · Admin" };

const PAGE_SIZE = 50;

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadPage(filters: AuditFilters, cursor: string | undefined) {
  try {
    const page = await listAuditEntries(filters, { cursor, limit: PAGE_SIZE });
    return { entries: page.entries.map(toAuditEntryView), nextCursor: page.nextCursor, error: null };
  } catch (error) {
    if (error instanceof InvalidAuditCursorError) return { entries: [], nextCursor: null, error: error.message };
    throw error;
  }
}

export default async function AdminAuditLogPage({ searchParams }: PageProps) {
  await requireAdmin("/admin/audit");
  const query = parseAuditQuery(Object.entries(await searchParams));
  const { cursor, ...filters } = query.success ? query.data : {};
  const page = query.success ? await loadPage(filters, cursor) : { entries: [], nextCursor: null, error: query.message };
  const filterParams = auditFilterParams(filters);
  const csvParams = new URLSearchParams(filterParams);
  csvParams.set("format", "csv");
  const olderParams = new URLSearchParams(filterParams);
  if (page.nextCursor) olderParams.set("cursor", page.nextCursor);

  return (
    <AdminPage
      title="Audit log"
      description="Admin actions and security events: who, what, when and from where. Entries cannot be changed or deleted."
      actions={
        <a href={`/api/admin/audit?${csvParams}`} download className={buttonClasses({ variant: "secondary", size: "sm" })}>
          <Download aria-hidden="true" />
          Download CSV
        </a>
      }
    >
      <div className="grid gap-4">
        <AuditFiltersForm filters={filters} />
        {page.error ? (
          <Alert>{page.error}</Alert>
        ) : page.entries.length === 0 ? (
          <p role="status" className="rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">
            {cursor ? "No older entries." : "No entries match these filters."}
          </p>
        ) : (
          <AuditTable entries={page.entries} />
        )}
        <nav aria-label="Audit log pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
          {cursor ? (
            <Link href={`/admin/audit?${filterParams}`} className={buttonClasses({ variant: "ghost", size: "sm" })}>
              Back to newest
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <Link href={`/admin/audit?${olderParams}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Older entries
            </Link>
          )}
        </nav>
      </div>
    </AdminPage>
  );
}
