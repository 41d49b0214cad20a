import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("text-[13px] leading-none font-medium text-foreground select-none", className)} {...props} />;
}
