import type { AuditEntryView } from "@/lib/audit/entry-view";
import { LocalTime } from "./local-time";

const cell = "px-3 py-2.5 align-top";

function Muted({ children }: { children: string }) {
  return <span className="text-muted-foreground">{children}</span>;
}

/** The entries, newest first; wide, so it scrolls sideways inside its own focusable frame on small screens. */
export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    // Focusable so keyboard users can scroll it (axe scrollable-region-focusable).
    <div
      tabIndex={0}
      role="region"
      aria-label="Audit log entries"
      className="overflow-x-auto rounded-xl border bg-card shadow-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      <table className="w-full min-w-[64rem] text-left text-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="border-b bg-muted/60 text-xs font-medium whitespace-nowrap text-muted-foreground">
          <tr>
            <th scope="col" className={cell}>
              When
            </th>
            <th scope="col" className={cell}>
              Who
            </th>
            <th scope="col" className={cell}>
              Action
            </th>
            <th scope="col" className={cell}>
              Target
            </th>
            <th scope="col" className={cell}>
              Details
            </th>
            <th scope="col" className={cell}>
              IP address
            </th>
            <th scope="col" className={cell}>
              Device
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-entry">
              <td className={cell}>
                <LocalTime iso={entry.at} />
              </td>
              <td className={`${cell} max-w-52`}>
                <span className="block truncate font-medium" title={entry.actor.email ?? undefined}>
                  {entry.actor.label}
                </span>
                {entry.actor.email && entry.actor.email !== entry.actor.label && (
                  <span className="block truncate text-xs text-muted-foreground">{entry.actor.email}</span>
                )}
              </td>
              <td className={cell}>
                <span className="block font-medium whitespace-nowrap">{entry.actionLabel}</span>
                <code className="text-xs text-muted-foreground">{entry.action}</code>
              </td>
              <td className={`${cell} min-w-36 max-w-52 break-all`}>
                {entry.targetUserLabel && <span className="block font-medium break-words">{entry.targetUserLabel}</span>}
                {entry.target ? (
                  <span className={entry.targetUserLabel ? "block text-xs text-muted-foreground" : undefined}>{entry.target}</span>
                ) : (
                  <Muted>—</Muted>
                )}
              </td>
              <td className={`${cell} min-w-52 max-w-80 break-words`}>{entry.details ? entry.details : <Muted>—</Muted>}</td>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>{entry.ipAddress ?? <Muted>—</Muted>}</td>
              <td className={`${cell} whitespace-nowrap`}>
                {entry.userAgentShort ? <span title={entry.userAgent ?? undefined}>{entry.userAgentShort}</span> : <Muted>—</Muted>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
