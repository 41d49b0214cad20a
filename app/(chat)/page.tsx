import { ChatEmptyState } from "@/components/chat/chat-empty-state";
import { AllowedImageHostsProvider } from "@/components/chat/markdown/allowed-image-hosts-provider";
import { NewChat } from "@/components/chat/new-chat";
import { requireUser } from "@/lib/auth/session";
import { loadNewChatStart } from "@/lib/chat/new-chat-start";
import { getAllowedImageHosts } from "@/lib/db/image-hosts";
import { getDefaultModelId, listModelOptions } from "@/lib/models/chat-models";
import { firstName } from "@/lib/ui/user-display";

export const dynamic = "force-dynamic";

type NewChatPageProps = { searchParams: Promise<{ preset?: string | string[]; continue?: string | string[] }> };

/**
 * A new chat (from a preset with ?preset=id, or going on from a conversation too long for its model with
 * ?continue=id); the conversation exists on the server from its first message on.
 */
export default async function NewChatPage({ searchParams }: NewChatPageProps) {
  const user = await requireUser("/");
  const [models, defaultModelId] = await Promise.all([listModelOptions(user), getDefaultModelId(user)]);
  if (models.length === 0) return <ChatEmptyState firstName={firstName(user)} isAdmin={user.role === "admin"} />;
  const { preset, continue: continueId } = await searchParams;
  const [start, imageHosts] = await Promise.all([
    loadNewChatStart(user, models, defaultModelId, {
      presetId: typeof preset === "string" ? preset : undefined,
      continueId: typeof continueId === "string" ? continueId : undefined,
    }),
    getAllowedImageHosts(),
  ]);
  return (
    <AllowedImageHostsProvider hosts={imageHosts}>
      <NewChat
        // A new preset or continuation is a new start: fresh settings and draft.
        key={start.seed ? `${start.seed.origin.kind}-${preset ?? continueId}` : "blank"}
        models={models}
        defaultModelId={start.modelId}
        firstName={firstName(user)}
        start={start}
      />
    </AllowedImageHostsProvider>
  );
}
