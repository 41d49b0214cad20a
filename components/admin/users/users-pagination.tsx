import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

type UsersPaginationProps = { page: number; pageSize: number; total: number; params: Record<string, string> };

function pageHref(params: Record<string, string>, page: number) {
  const search = new URLSearchParams({ ...params, page: String(page) });
  return `/admin/users?${search.toString()}`;
}

export function UsersPagination({ page, pageSize, total, params }: UsersPaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pages of users" className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
      <p aria-live="polite">
        {from}–{to} of {total} {total === 1 ? "user" : "users"}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClasses({ variant: "secondary", size: "sm" })} href={pageHref(params, page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        <span className="self-center">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link className={buttonClasses({ variant: "secondary", size: "sm" })} href={pageHref(params, page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
