import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { SignedInShell } from "@/components/signed-in-shell";
import { requireEvaluator } from "@/lib/auth/evaluator";

export const dynamic = "force-dynamic";

// Admins, and members of groups allowed to run evaluations (who see only Evaluations): every page checks its own
// role too (requireAdmin, or requireEvaluator on the evaluation pages), so this gate is never the only one.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireEvaluator("/admin");
  const evaluatorOnly = user.role !== "admin";
  return (
    <SignedInShell user={user} current="admin" mayEvaluate={evaluatorOnly}>
      <div className="flex flex-1 flex-col md:flex-row">
        <AdminNav evaluationsOnly={evaluatorOnly} />
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </SignedInShell>
  );
}
