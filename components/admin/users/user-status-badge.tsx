import type { UserStatus } from "@/lib/db/users";
import { cn } from "@/lib/utils";

const labelByStatus: Record<UserStatus, string> = { active: "Active", pending: "Waiting for approval", disabled: "Disabled" };

export function UserStatusBadge({ status }: { status: UserStatus }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        status === "active" && "border-border text-foreground",
        status === "pending" && "border-primary/40 bg-primary/10 text-foreground",
        status === "disabled" && "border-destructive-border bg-destructive-soft text-destructive",
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          "size-1.5 rounded-full",
          status === "active" && "bg-success",
          status === "pending" && "bg-primary",
          status === "disabled" && "bg-destructive",
        )}
      />
      {labelByStatus[status]}
    </span>
  );
}
