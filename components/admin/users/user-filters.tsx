import { Search } from "lucide-react";
import { NativeSelect } from "@/components/admin/native-select";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type UserFiltersProps = { query: string; role: string; status: string };

/** A plain GET form: the filters live in the URL, so they survive a reload and can be shared. */
export function UserFilters({ query, role, status }: UserFiltersProps) {
  return (
    <form role="search" aria-label="Filter users" method="get" className="flex flex-wrap items-end gap-3">
      <div className="grid min-w-48 flex-1 gap-1.5">
        <Label htmlFor="user-search">Search users</Label>
        <Input id="user-search" name="query" type="search" defaultValue={query} placeholder="Name or email" autoComplete="off" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="user-role">Role</Label>
        <NativeSelect id="user-role" name="role" defaultValue={role}>
          <option value="">All roles</option>
          <option value="admin">Admin</option>
          <option value="user">User</option>
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="user-status">Status</Label>
        <NativeSelect id="user-status" name="status" defaultValue={status}>
          <option value="">All statuses</option>
          <option value="active">Active</option>
          <option value="pending">Waiting for approval</option>
          <option value="disabled">Disabled</option>
        </NativeSelect>
      </div>
      <Button type="submit" variant="secondary">
        <Search aria-hidden="true" />
        Search
      </Button>
    </form>
  );
}
