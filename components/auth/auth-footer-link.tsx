import Link from "next/link";

/** "Don't have an account? Create an account" under the auth card. */
export function AuthFooterLink({ prompt, href, children }: { prompt: string; href: string; children: string }) {
  return (
    <p className="mt-6 text-center text-sm text-muted-foreground">
      {prompt}{" "}
      <Link
        href={href}
        className="rounded-sm font-medium text-foreground underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        {children}
      </Link>
    </p>
  );
}
