"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { ADMIN_SECTIONS } from "./admin-sections";

function isCurrent(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The admin console's section links: a row that scrolls sideways on a phone, a column beside the page on a desktop. */
export function AdminNav({ evaluationsOnly = false }: { evaluationsOnly?: boolean }) {
  const pathname = usePathname();
  const sections = evaluationsOnly ? ADMIN_SECTIONS.filter((section) => section.href === "/admin/evals") : ADMIN_SECTIONS;
  return (
    <nav aria-label="Administration" className="border-b border-border md:w-52 md:shrink-0 md:border-r md:border-b-0">
      <ul className="flex gap-1 overflow-x-auto px-3 py-2 md:sticky md:top-14 md:flex-col md:px-3 md:py-6">
        {sections.map((section) => {
          const current = isCurrent(pathname, section.href);
          return (
            <li key={section.href} className="shrink-0">
              <Link
                href={section.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-1.5 text-sm whitespace-nowrap transition-colors",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                  current ? "bg-accent font-medium text-foreground" : "text-muted-foreground hover:bg-accent hover:text-foreground",
                )}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
