import type { ReactNode } from "react";
import { SignedInShell } from "@/components/signed-in-shell";
import { requireAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  return (
    <SignedInShell user={user} current="admin">
      {children}
    </SignedInShell>
  );
}
