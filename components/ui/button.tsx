import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const variants = {
  primary: "bg-primary text-primary-foreground shadow-xs hover:bg-primary-hover",
  secondary: "border border-input bg-card text-foreground shadow-xs hover:bg-accent",
  ghost: "text-foreground hover:bg-accent",
  link: "h-auto px-0 text-primary underline-offset-4 hover:underline",
  destructive: "bg-destructive text-white shadow-xs hover:bg-destructive/90",
} as const;

const sizes = {
  sm: "h-8 gap-1.5 rounded-md px-3 text-[13px]",
  md: "h-9 gap-2 rounded-md px-4 text-sm",
  lg: "h-10 gap-2 rounded-lg px-4 text-sm",
} as const;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
};

export function buttonClasses({ variant = "primary", size = "md" }: Pick<ButtonProps, "variant" | "size"> = {}) {
  return cn(
    "inline-flex shrink-0 cursor-pointer select-none items-center justify-center font-medium whitespace-nowrap transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
    "disabled:pointer-events-none disabled:opacity-60 aria-disabled:pointer-events-none aria-disabled:opacity-60",
    "[&_svg]:pointer-events-none [&_svg]:size-4 [&_svg]:shrink-0",
    sizes[size],
    variants[variant],
  );
}

/** A link that looks like a button takes `buttonClasses` instead (Radix's Slot for an `asChild` stays out of every page's first load). */
export function Button({ className, variant, size, type, ...props }: ButtonProps) {
  return (
    <button
      className={cn(buttonClasses({ variant, size }), className)}
      // A <button> inside a form submits by default; make that explicit opt-in.
      type={type ?? "button"}
      {...props}
    />
  );
}
