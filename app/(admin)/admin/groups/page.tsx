import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { CreateGroupForm } from "@/components/admin/groups/create-group-form";
import { GroupCard } from "@/components/admin/groups/group-card";
import { requireAdmin } from "@/lib/auth/session";
import { listGroups } from "@/lib/db/groups";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Groups · Admin" };

export default async function AdminGroupsPage() {
  await requireAdmin("/admin/groups");
  const groups = await listGroups();
  return (
    <AdminPage title="Groups" description="Groups from your identity provider and groups made here. Members of a group mapped to admin are admins.">
      <div className="grid gap-6">
        <CreateGroupForm />
        <section aria-labelledby="groups-heading" className="grid gap-3">
          <h2 id="groups-heading" className="text-base font-semibold">
            All groups
          </h2>
          {groups.length === 0 ? (
            <div className="rounded-xl border border-dashed p-10 text-center text-sm">
              <p className="font-medium">No groups yet.</p>
              <p className="mt-1 text-muted-foreground">Groups from your identity provider appear here after their members sign in.</p>
            </div>
          ) : (
            <ul className="grid gap-3">
              {groups.map((group) => (
                <GroupCard key={group.id} group={group} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </AdminPage>
  );
}
