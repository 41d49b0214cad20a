import { CircleAlert } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** An error message; role="alert" makes screen readers announce it as soon as it appears. */
export function Alert({ className, children, ...props }: ComponentProps<"div">) {
  return (
    <div
      role="alert"
      className={cn("flex items-start gap-2.5 rounded-lg border border-destructive-border bg-destructive-soft px-3.5 py-3 text-sm text-destructive", className)}
      {...props}
    >
      <CircleAlert aria-hidden="true" className="mt-px size-4 shrink-0" />
      <div className="min-w-0 leading-5">{children}</div>
    </div>
  );
}
