import { cn } from "@/lib/utils";

export interface BarDatum {
  label: string;
  value: number;
}

type BarChartProps = {
  /** The chart's accessible name and visible heading. */
  title: string;
  data: BarDatum[];
  format: (value: number) => string;
  /** "columns": one upright bar per day; "rows": one horizontal bar per model, user or group. */
  layout: "columns" | "rows";
  /** Header of the label column of the table alternative ("Day", "Model"...). */
  labelHeader: string;
  emptyText?: string;
  className?: string;
};

/**
 * A hand-made bar chart (no chart library): a figure named by its title, whose bars are drawn for sighted users and
 * hidden from assistive technology; the same figures follow as a table under "Show as table".
 */
export function BarChart({ title, data, format, layout, labelHeader, emptyText = "No usage in this period.", className }: BarChartProps) {
  const max = Math.max(0, ...data.map((datum) => datum.value));
  const titleId = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const total = data.reduce((sum, datum) => sum + datum.value, 0);
  return (
    <figure aria-labelledby={titleId} className={cn("flex min-w-0 flex-col rounded-xl border bg-card p-4 shadow-sm sm:p-5", className)}>
      <figcaption id={titleId} className="text-sm font-semibold">
        {title}
      </figcaption>
      {data.length === 0 || max === 0 ? (
        <p className="mt-4 flex-1 text-sm text-muted-foreground">{emptyText}</p>
      ) : layout === "columns" ? (
        <Columns data={data} max={max} format={format} />
      ) : (
        <Rows data={data} max={max} format={format} />
      )}
      {data.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="w-fit cursor-pointer rounded text-[13px] text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
            Show as table
          </summary>
          {/* Focusable, so keyboard users can scroll a long table too. */}
          <div
            role="region"
            aria-label={`${title}, table`}
            tabIndex={0}
            className="mt-2 max-h-72 overflow-auto rounded-md border focus-visible:outline-2 focus-visible:outline-ring"
          >
            <table className="w-full text-left text-[13px]">
              <caption className="sr-only">{title}</caption>
              <thead className="bg-muted text-muted-foreground">
                <tr>
                  <th scope="col" className="px-3 py-1.5 font-medium">
                    {labelHeader}
                  </th>
                  <th scope="col" className="px-3 py-1.5 text-right font-medium">
                    Value
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((datum) => (
                  <tr key={datum.label} className="border-t">
                    <th scope="row" className="px-3 py-1.5 font-normal">
                      {datum.label}
                    </th>
                    <td className="px-3 py-1.5 text-right tabular-nums">{format(datum.value)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t font-medium">
                  <th scope="row" className="px-3 py-1.5">
                    Total
                  </th>
                  <td className="px-3 py-1.5 text-right tabular-nums">{format(total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}

function percent(value: number, max: number) {
  return `${Math.max(value > 0 ? 2 : 0, (value / max) * 100)}%`;
}

function Columns({ data, max, format }: { data: BarDatum[]; max: number; format: (value: number) => string }) {
  const first = data[0]?.label;
  const last = data[data.length - 1]?.label;
  return (
    <div aria-hidden="true" className="mt-4">
      <div className="flex items-baseline justify-between text-[11px] text-muted-foreground tabular-nums">
        <span>max {format(max)}</span>
      </div>
      <div className="mt-1 flex h-36 items-end gap-px border-b border-border sm:gap-0.5">
        {data.map((datum) => (
          <div key={datum.label} className="group relative flex h-full flex-1 items-end" title={`${datum.label}: ${format(datum.value)}`}>
            <div
              className="w-full rounded-t-sm bg-primary/80 transition-colors group-hover:bg-primary"
              style={{ height: datum.value > 0 ? percent(datum.value, max) : 0 }}
            />
          </div>
        ))}
      </div>
      <div className="mt-1 flex justify-between text-[11px] text-muted-foreground">
        <span>{first}</span>
        <span>{last}</span>
      </div>
    </div>
  );
}

function Rows({ data, max, format }: { data: BarDatum[]; max: number; format: (value: number) => string }) {
  return (
    <ul aria-hidden="true" className="mt-4 space-y-2.5">
      {data.map((datum) => (
        <li key={datum.label} className="text-[13px]">
          <div className="flex items-baseline justify-between gap-3">
            <span className="min-w-0 truncate">{datum.label}</span>
            <span className="shrink-0 text-muted-foreground tabular-nums">{format(datum.value)}</span>
          </div>
          <div className="mt-1 h-2 rounded-full bg-muted">
            <div className="h-2 rounded-full bg-primary/80" style={{ width: percent(datum.value, max) }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
