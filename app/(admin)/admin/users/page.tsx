import { Clock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { listUsersQuerySchema } from "@/app/(admin)/api/admin/users/schema";
import { AdminPage } from "@/components/admin/admin-page";
import { AddUserDialog } from "@/components/admin/users/add-user-dialog";
import { UserFilters } from "@/components/admin/users/user-filters";
import { UsersPagination } from "@/components/admin/users/users-pagination";
import { UsersTable } from "@/components/admin/users/users-table";
import { requireAdmin } from "@/lib/auth/session";
import { listUsersForAdmin } from "@/lib/db/admin-users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users · Admin" };

type AdminUsersPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function firstValues(params: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(
    Object.entries(params)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])
      .filter(([, value]) => value),
  );
}

export default async function AdminUsersPage({ searchParams }: AdminUsersPageProps) {
  const admin = await requireAdmin("/admin/users");
  const parsed = listUsersQuerySchema.safeParse(firstValues(await searchParams));
  const filters = parsed.success ? parsed.data : { page: 1 };
  const result = await listUsersForAdmin(filters);
  const kept = Object.fromEntries(
    Object.entries({ query: filters.query ?? "", role: filters.role ?? "", status: filters.status ?? "" }).filter(([, value]) => value),
  );
  const isFiltered = Object.keys(kept).length > 0;

  return (
    <AdminPage title="Users" description="People who can sign in, their roles and status." actions={<AddUserDialog />}>
      <div className="grid gap-5">
        {result.pendingCount > 0 && filters.status !== "pending" ? (
          <p className="flex items-center gap-2 rounded-lg border border-primary/40 bg-primary/10 px-3.5 py-2.5 text-sm">
            <Clock aria-hidden="true" className="size-4 shrink-0" />
            {result.pendingCount} {result.pendingCount === 1 ? "person is" : "people are"} waiting for approval.
            <Link href="/admin/users?status=pending" className="font-medium underline underline-offset-4">
              Show them
            </Link>
          </p>
        ) : null}
        <UserFilters query={filters.query ?? ""} role={filters.role ?? ""} status={filters.status ?? ""} />
        {!parsed.success ? <p className="text-sm text-muted-foreground">Some filters in the address were not valid and were ignored.</p> : null}
        <UsersTable
          users={result.users}
          currentUserId={admin.id}
          emptyState={
            <div className="rounded-xl border border-dashed p-10 text-center">
              <p className="font-medium">{isFiltered ? "No users match these filters." : "No users yet."}</p>
              {isFiltered ? (
                <Link href="/admin/users" className="mt-2 inline-block text-sm text-primary underline-offset-4 hover:underline">
                  Clear the filters
                </Link>
              ) : null}
            </div>
          }
        />
        {result.total > 0 ? <UsersPagination page={result.page} pageSize={result.pageSize} total={result.total} params={kept} /> : null}
      </div>
    </AdminPage>
  );
}
