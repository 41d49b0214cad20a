import { Button } from "@/components/ui/button";
import { formatLimit, LIMIT_FIELDS, type Limits } from "./quota-types";

export interface QuotaRow {
  id: string;
  label: string;
  sublabel?: string | null;
  limits: Limits | null;
}

/** A list of users or groups with their four limits and an Edit button each. */
export function QuotaTable({
  caption,
  labelHeader,
  rows,
  emptyText,
  onEdit,
}: {
  caption: string;
  labelHeader: string;
  rows: QuotaRow[];
  emptyText: string;
  onEdit: (row: QuotaRow) => void;
}) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="overflow-x-auto rounded-xl border bg-card shadow-sm focus-visible:outline-2 focus-visible:outline-ring"
    >
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b bg-muted/60 text-[13px] text-muted-foreground">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              {labelHeader}
            </th>
            {LIMIT_FIELDS.map((field) => (
              <th key={field.name} scope="col" className="px-3 py-2 text-right font-medium">
                {field.label}
              </th>
            ))}
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={LIMIT_FIELDS.length + 2} className="px-4 py-6 text-center text-muted-foreground">
                {emptyText}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.id} className="border-t first:border-t-0">
              <th scope="row" className="max-w-64 px-4 py-2 font-normal">
                <span className="block truncate font-medium">{row.label}</span>
                {row.sublabel && <span className="block truncate text-xs text-muted-foreground">{row.sublabel}</span>}
              </th>
              {LIMIT_FIELDS.map((field) => {
                const value = row.limits?.[field.name] ?? null;
                return (
                  <td key={field.name} className={value === null ? "px-3 py-2 text-right text-muted-foreground" : "px-3 py-2 text-right tabular-nums"}>
                    {formatLimit(field.name, value)}
                  </td>
                );
              })}
              <td className="px-4 py-2 text-right">
                <Button size="sm" variant="secondary" onClick={() => onEdit(row)} aria-label={`Edit limits of ${row.label}`}>
                  Edit
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
