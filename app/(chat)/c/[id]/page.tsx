import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChatView } from "@/components/chat/chat-view";
import { AllowedImageHostsProvider } from "@/components/chat/markdown/allowed-image-hosts-provider";
import { requireUser } from "@/lib/auth/session";
import { loadConversationView } from "@/lib/chat/conversation-view";
import { getAllowedImageHosts } from "@/lib/db/image-hosts";
import { listModelOptions } from "@/lib/models/chat-models";
import { firstName } from "@/lib/ui/user-display";

export const dynamic = "force-dynamic";

type ConversationPageProps = { params: Promise<{ id: string }> };

const PLAUSIBLE_ID = /^[A-Za-z0-9_-]{1,64}$/;

// Metadata and page read the same conversation: once per request.
const loadView = cache(async (id: string) => {
  if (!PLAUSIBLE_ID.test(id)) return null;
  const user = await requireUser(`/c/${id}`);
  return { user, view: await loadConversationView(user.id, id) };
});

export async function generateMetadata({ params }: ConversationPageProps): Promise<Metadata> {
  const loaded = await loadView((await params).id);
  return loaded?.view ? { title: loaded.view.conversation.title } : {};
}

/** An existing conversation of the signed-in user; anyone else's, or none, is a 404. */
export default async function ConversationPage({ params }: ConversationPageProps) {
  const { id } = await params;
  const loaded = await loadView(id);
  if (!loaded?.view) notFound();
  const { user, view } = loaded;
  const [models, imageHosts] = await Promise.all([listModelOptions(user), getAllowedImageHosts()]);

  return (
    <AllowedImageHostsProvider hosts={imageHosts}>
      <ChatView
        key={view.conversation.id}
        conversationId={view.conversation.id}
        isNew={false}
        title={view.conversation.title}
        initialMessages={view.messages}
        generating={view.generating}
        models={models}
        initialModelId={view.conversation.modelId}
        firstName={firstName(user)}
      />
    </AllowedImageHostsProvider>
  );
}
