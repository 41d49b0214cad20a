"use client";

import { useCallback, useRef, useState } from "react";
import { ChatShortcuts } from "@/components/shortcuts/chat-shortcuts";
import { Alert } from "@/components/ui/alert";
import { useStickToBottom } from "@/hooks/use-stick-to-bottom";
import type { ChatUIMessage, ModelOption } from "@/lib/chat/types";
import type { FindingCount } from "@/lib/privacy/decision";
import { Composer } from "./composer";
import { ConversationHeader } from "./conversation-header";
import { useConversationList } from "./conversation-list-context";
import { LazyChatEngine } from "./lazy-chat-engine";
import { MessageList } from "./message-list";
import { messageText } from "./message-text";
import { NewChatIntro } from "./new-chat-intro";
import { PrivacyConfirm, type PrivacyConfirmation } from "./privacy/privacy-confirm";
import { firstMessageSettings, useNewChatSettings } from "./settings/new-chat-settings";
import { useConversationChat } from "./use-conversation-chat";

type ChatViewProps = {
  conversationId: string;
  /** Exists only in this browser until the server accepts its first message. */
  isNew: boolean;
  title: string;
  initialMessages: ChatUIMessage[];
  /** The server is still writing the last answer (the page was reloaded or reopened mid-answer). */
  generating: boolean;
  models: ModelOption[];
  /** The conversation's model, else the user's default. */
  initialModelId: string | null;
  firstName: string;
};

/** A title for the sidebar until the server has chosen one. */
const PROVISIONAL_TITLE_LENGTH = 60;

function pickModel(models: ModelOption[], preferred: string | null): string {
  if (preferred && models.some((model) => model.id === preferred)) return preferred;
  return (models.find((model) => model.isDefault) ?? models[0])?.id ?? "";
}

/** One conversation: its messages, the answer being written, and the composer. */
export function ChatView({ conversationId, isNew, title, initialMessages, generating, models, initialModelId, firstName }: ChatViewProps) {
  const conversations = useConversationList();
  const newChatSettings = useNewChatSettings();
  const [modelId, setModelId] = useState(() => pickModel(models, initialModelId));
  const existsOnServer = useRef(!isNew);
  const awaitingTitle = useRef(isNew);
  const lastSentText = useRef("");

  const onAccepted = () => {
    const changes = { modelId, updatedAt: new Date().toISOString() };
    if (existsOnServer.current) return conversations.upsert(conversationId, changes);
    existsOnServer.current = true;
    // The address of the conversation, without a navigation that would remount this view mid-answer.
    window.history.replaceState(null, "", `/c/${conversationId}`);
    conversations.upsert(conversationId, { ...changes, title: lastSentText.current.slice(0, PROVISIONAL_TITLE_LENGTH) });
  };

  const onAnswerEnd = () => {
    if (!awaitingTitle.current) return void conversations.refresh();
    awaitingTitle.current = false;
    conversations.refreshForTitle();
  };

  const {
    messages,
    status,
    error,
    stopping,
    send,
    stop,
    regenerate,
    edit,
    switchBranch,
    switching,
    branchError,
    branchConfirm,
    dismissBranchConfirm,
    engineProps,
  } = useConversationChat({
    conversationId,
    initialMessages,
    generating,
    onAccepted,
    onAnswerEnd,
  });
  const { scrollToBottom } = useStickToBottom(messages);

  // A question the server refused before storing it goes back into the message box, with the reason above it.
  // A privacy_confirm refusal asks instead: the composer shows the findings with "Send anyway".
  const [refusal, setRefusal] = useState<{ reason: string; text: string; key: number; confirmation: PrivacyConfirmation | null } | null>(null);
  const onSend = (text: string, privacyAcknowledged?: FindingCount[]) => {
    lastSentText.current = text;
    setRefusal(null);
    void send(text, modelId, firstMessageSettings(newChatSettings?.settings), privacyAcknowledged).then((outcome) => {
      if (!outcome) return;
      const warnings = outcome.error.code === "privacy_confirm" ? outcome.error.privacy?.warnings : undefined;
      const confirmation = warnings ? { message: outcome.refused, warnings } : null;
      setRefusal({ reason: outcome.refused, text, key: Date.now(), confirmation });
    });
    scrollToBottom();
  };

  const onRegenerate = useCallback(() => {
    void regenerate(modelId);
    scrollToBottom();
  }, [regenerate, modelId, scrollToBottom]);
  const onEdit = useCallback(
    (messageId: string, text: string) => {
      void edit(messageId, text, modelId);
      scrollToBottom();
    },
    [edit, modelId, scrollToBottom],
  );
  const onSwitch = useCallback((messageId: string) => void switchBranch(messageId), [switchBranch]);

  const busy = status === "submitted" || status === "streaming";
  const lastAnswer = messages.findLast((message) => message.role === "assistant");
  // The sidebar learns the title the server chose; this page's prop is the one it was rendered with.
  const shownTitle = conversations.conversations.find((item) => item.id === conversationId)?.title || title;

  const modelGone = !isNew && initialModelId !== null && !models.some((model) => model.id === initialModelId);

  return (
    <div className="flex flex-1 flex-col">
      {messages.length === 0 ? (
        <NewChatIntro firstName={firstName} />
      ) : (
        <div className="flex-1">
          <ConversationHeader conversationId={conversationId} title={shownTitle} />
          <MessageList
            messages={messages}
            status={status}
            error={error}
            models={models}
            modelId={modelId}
            switching={switching}
            onRegenerate={onRegenerate}
            onEdit={onEdit}
            onSwitch={onSwitch}
            continueHref={`/?continue=${conversationId}`}
          />
          {branchError && (
            <div className="mx-auto w-full max-w-3xl px-4 pb-6 sm:px-6">
              <Alert>{branchError}</Alert>
            </div>
          )}
          {branchConfirm && (
            <div className="mx-auto w-full max-w-3xl px-4 pb-6 sm:px-6">
              <PrivacyConfirm
                confirmation={branchConfirm.confirmation}
                onConfirm={(warnings) => {
                  void branchConfirm.retry(warnings);
                  scrollToBottom();
                }}
                onCancel={dismissBranchConfirm}
              />
            </div>
          )}
        </div>
      )}
      {modelGone && (
        <p className="mx-auto w-full max-w-3xl px-4 text-center text-xs text-muted-foreground sm:px-6">
          The model of this conversation is no longer available; new messages go to the model selected below.
        </p>
      )}
      {refusal && !refusal.confirmation && (
        <div className="mx-auto w-full max-w-3xl px-4 sm:px-6">
          <Alert data-testid="send-refusal">{refusal.reason}</Alert>
        </div>
      )}
      <Composer
        restore={refusal}
        models={models}
        modelId={modelId}
        onModelChange={setModelId}
        busy={busy}
        stopping={stopping}
        onSend={onSend}
        privacyConfirmation={refusal?.confirmation ?? null}
        onPrivacyCancel={() => setRefusal(null)}
        onStop={() => void stop()}
      />
      <ChatShortcuts busy={busy} onStop={() => void stop()} lastAnswerText={lastAnswer ? messageText(lastAnswer) : ""} />
      {engineProps && <LazyChatEngine {...engineProps} />}
    </div>
  );
}
