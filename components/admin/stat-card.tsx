import type { LucideIcon } from "lucide-react";
import { Card } from "@/components/ui/card";

type StatCardProps = { label: string; value: number; description: string; icon: LucideIcon };

const formatter = new Intl.NumberFormat("en");

/** One figure of the admin overview; a dt/dd pair, so it must sit inside a <dl>. */
export function StatCard({ label, value, description, icon: Icon }: StatCardProps) {
  return (
    <Card className="p-4 sm:p-5">
      <dt className="flex min-h-8 items-center justify-between gap-3 text-sm font-medium text-muted-foreground">
        {label}
        <span aria-hidden="true" className="hidden size-8 shrink-0 items-center justify-center rounded-lg bg-muted sm:flex">
          <Icon className="size-4" />
        </span>
      </dt>
      <dd className="mt-3">
        <span className="block text-2xl font-semibold tracking-tight tabular-nums sm:text-3xl">{formatter.format(value)}</span>
        <span className="mt-1 block text-xs text-muted-foreground">{description}</span>
      </dd>
    </Card>
  );
}
