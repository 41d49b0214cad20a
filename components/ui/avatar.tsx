import type { CSSProperties } from "react";
import { avatarHue, initials } from "@/lib/ui/user-display";
import { cn } from "@/lib/utils";

type AvatarProps = {
  name: string | null;
  email: string;
  image: string | null;
  className?: string;
};

/** The user's picture, or their initials on a color derived from their email. Decorative: name it nearby. */
export function Avatar({ name, email, image, className }: AvatarProps) {
  const base = cn("inline-flex size-7 shrink-0 items-center justify-center overflow-hidden rounded-full", className);
  if (image) {
    return <img src={image} alt="" referrerPolicy="no-referrer" className={cn(base, "bg-muted object-cover")} />;
  }
  const hue = avatarHue(email);
  const style = {
    // Dark enough for white 11px initials to pass WCAG AA (4.5:1) whatever the hue; 0.58 failed for some emails.
    backgroundColor: `oklch(0.52 0.15 ${hue})`,
    color: "oklch(0.99 0 0)",
  } satisfies CSSProperties;
  return (
    <span aria-hidden="true" style={style} className={cn(base, "text-[11px] font-semibold tracking-wide")}>
      {initials({ name, email })}
    </span>
  );
}
