import type { ReactNode } from "react";
import { LogoMark } from "@/components/logo-mark";

export function AuthHeading({ title, description }: { title: string; description: ReactNode }) {
  return (
    <div className="flex flex-col items-center text-center">
      <LogoMark className="size-11 rounded-xl shadow-sm" />
      <h1 className="mt-6 text-2xl font-semibold tracking-tight text-balance">{title}</h1>
      <p className="mt-2 text-sm text-balance text-muted-foreground">{description}</p>
    </div>
  );
}
