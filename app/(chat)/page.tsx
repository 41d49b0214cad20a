import { ChatEmptyState } from "@/components/chat/chat-empty-state";
import { AllowedImageHostsProvider } from "@/components/chat/markdown/allowed-image-hosts-provider";
import { NewChat } from "@/components/chat/new-chat";
import { requireUser } from "@/lib/auth/session";
import { loadNewChatStart } from "@/lib/chat/new-chat-start";
import { getAllowedImageHosts } from "@/lib/db/image-hosts";
import { getDefaultModelId, listModelOptions } from "@/lib/models/chat-models";
import { firstName } from "@/lib/ui/user-display";

export const dynamic = "force-dynamic";

type NewChatPageProps = { searchParams: Promise<{ preset?: string | string[] }> };

/** A new chat (from a preset with ?preset=id); the conversation exists on the server from its first message on. */
export default async function NewChatPage({ searchParams }: NewChatPageProps) {
  const user = await requireUser("/");
  const [models, defaultModelId] = await Promise.all([listModelOptions(user), getDefaultModelId(user)]);
  if (models.length === 0) return <ChatEmptyState firstName={firstName(user)} isAdmin={user.role === "admin"} />;
  const { preset } = await searchParams;
  const [start, imageHosts] = await Promise.all([
    loadNewChatStart(user, models, defaultModelId, typeof preset === "string" ? preset : undefined),
    getAllowedImageHosts(),
  ]);
  return (
    <AllowedImageHostsProvider hosts={imageHosts}>
      <NewChat
        // A new preset is a new start: fresh settings and draft.
        key={start.seed ? `preset-${preset}` : "blank"}
        models={models}
        defaultModelId={start.modelId}
        firstName={firstName(user)}
        start={start}
      />
    </AllowedImageHostsProvider>
  );
}
