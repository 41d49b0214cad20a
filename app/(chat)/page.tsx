import { ChatEmptyState } from "@/components/chat/chat-empty-state";
import { requireUser } from "@/lib/auth/session";
import { firstName } from "@/lib/ui/user-display";

export const dynamic = "force-dynamic";

export default async function ChatHomePage() {
  const user = await requireUser("/");
  return <ChatEmptyState firstName={firstName(user)} />;
}
