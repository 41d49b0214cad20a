import { ChatEmptyState } from "@/components/chat/chat-empty-state";
import { NewChat } from "@/components/chat/new-chat";
import { requireUser } from "@/lib/auth/session";
import { getDefaultModelId, listModelOptions } from "@/lib/db/models";
import { firstName } from "@/lib/ui/user-display";

export const dynamic = "force-dynamic";

/** A new chat; the conversation exists on the server from its first message on. */
export default async function NewChatPage() {
  const user = await requireUser("/");
  const [models, defaultModelId] = await Promise.all([listModelOptions(user), getDefaultModelId(user)]);
  if (models.length === 0) return <ChatEmptyState firstName={firstName(user)} isAdmin={user.role === "admin"} />;
  return <NewChat models={models} defaultModelId={defaultModelId} firstName={firstName(user)} />;
}
