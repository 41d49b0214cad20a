import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { SignedInShell } from "@/components/signed-in-shell";
import { requireAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  return (
    <SignedInShell user={user} current="admin">
      <div className="flex flex-1 flex-col md:flex-row">
        <AdminNav />
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </SignedInShell>
  );
}
