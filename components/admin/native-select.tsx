import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A native <select> that looks like our inputs: the browser gives it keyboard use and a phone-friendly picker. */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "h-10 rounded-md border border-input bg-card px-2.5 text-sm text-foreground shadow-xs sm:h-9",
        "focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25",
        "disabled:cursor-not-allowed disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}
