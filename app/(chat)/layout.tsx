import type { ReactNode } from "react";
import { SignedInShell } from "@/components/signed-in-shell";
import { requireUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <SignedInShell user={user} current="chat">
      {children}
    </SignedInShell>
  );
}
