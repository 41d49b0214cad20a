import { FileLock2, Star } from "lucide-react";
import { DemoBadge } from "@/components/chat/demo-badge";
import type { AdminModel } from "@/lib/models/admin-models";
import { cn } from "@/lib/utils";

const badge = "inline-flex h-5 items-center gap-1 rounded-full border px-2 text-[11px] font-medium whitespace-nowrap";

/** Default, enabled or disabled, from the file, demo. */
export function ModelBadges({ model }: { model: AdminModel }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {model.isDefault ? (
        <span className={cn(badge, "border-primary/40 bg-card text-foreground")}>
          <Star aria-hidden="true" className="size-3 fill-primary text-primary" />
          Default
        </span>
      ) : null}
      {model.enabled ? (
        <span className={cn(badge, "border-border bg-card text-foreground")}>
          <span aria-hidden="true" className="size-1.5 rounded-full bg-success" />
          Enabled
        </span>
      ) : (
        <span className={cn(badge, "border-border bg-muted text-muted-foreground")}>Disabled</span>
      )}
      {model.managedByFile ? (
        <span className={cn(badge, "border-border bg-muted text-foreground")}>
          <FileLock2 aria-hidden="true" className="size-3" />
          Managed by file
        </span>
      ) : null}
      {model.demo ? <DemoBadge /> : null}
    </span>
  );
}
