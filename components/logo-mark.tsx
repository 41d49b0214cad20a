import { cn } from "@/lib/utils";

/** The product mark: a speech bubble on the brand color. Decorative; the product name always sits next to it. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex size-7 shrink-0 items-center justify-center rounded-lg bg-primary text-primary-foreground shadow-xs",
        "bg-linear-to-br from-white/25 to-transparent to-70%",
        className,
      )}
    >
      <svg viewBox="0 0 24 24" fill="none" className="size-[60%]">
        <path
          d="M5 6.5A2.5 2.5 0 0 1 7.5 4h9A2.5 2.5 0 0 1 19 6.5v6a2.5 2.5 0 0 1-2.5 2.5H11l-4.2 3.6c-.5.4-1.3.1-1.3-.6V15A2.5 2.5 0 0 1 5 12.5z"
          fill="currentColor"
        />
        <circle cx="9.25" cy="9.5" r="1.1" fill="var(--color-primary)" />
        <circle cx="12" cy="9.5" r="1.1" fill="var(--color-primary)" />
        <circle cx="14.75" cy="9.5" r="1.1" fill="var(--color-primary)" />
      </svg>
    </span>
  );
}
