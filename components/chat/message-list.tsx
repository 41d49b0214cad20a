import type { ChatStatus } from "ai";
import { Alert } from "@/components/ui/alert";
import type { ChatUIMessage, ModelOption } from "@/lib/chat/types";
import { AssistantMessage } from "./assistant-message";
import { chatErrorText } from "./chat-error-text";
import { MessageActions, useMessageFeedback } from "./message-actions";
import { answerModelName } from "./model-label";
import { messageText } from "./message-text";
import { UserMessage } from "./user-message";

type MessageListProps = {
  messages: ChatUIMessage[];
  status: ChatStatus;
  error: Error | undefined;
  models: ModelOption[];
  /** The model the next answer comes from (shown on the answer being waited for). */
  modelId: string;
};

const PENDING_ANSWER: ChatUIMessage = { id: "pending-answer", role: "assistant", parts: [] };

function failureOf(message: ChatUIMessage, isLast: boolean, status: ChatStatus, error: Error | undefined): string | null {
  const stored = message.metadata?.error ?? null;
  if (isLast && status === "error") return stored ?? chatErrorText(error);
  if (message.metadata?.status === "error") return stored ?? chatErrorText(undefined);
  return null;
}

/** The conversation, oldest first; the answer being written is announced politely to screen readers. */
export function MessageList({ messages, status, error, models, modelId }: MessageListProps) {
  const { ratings, rate } = useMessageFeedback();
  const ratingOf = (message: ChatUIMessage) => (message.id in ratings ? (ratings[message.id] ?? null) : (message.metadata?.feedback ?? null));
  const busy = status === "submitted" || status === "streaming";
  const last = messages.at(-1);
  const waitingForAnswer = busy && last?.role !== "assistant";
  const failedBeforeAnswer = status === "error" && last?.role === "user";

  const answer = (message: ChatUIMessage, isLast: boolean) => {
    const id = message.metadata?.modelId ?? (message === PENDING_ANSWER ? modelId : null);
    const live = isLast && (busy || (status === "ready" && message.metadata?.status === "streaming"));
    const text = messageText(message);
    // Not while it is being written: the text is not final, and the answer may not be stored yet.
    const actionable = !live && message !== PENDING_ANSWER && text !== "";
    return (
      <div key={message.id} className="flex flex-col gap-1">
        <AssistantMessage
          message={message}
          modelName={answerModelName(models, id)}
          demo={models.find((model) => model.id === id)?.demo ?? false}
          live={live}
          failure={live ? null : failureOf(message, isLast, status, error)}
        />
        {actionable && (
          <MessageActions
            messageId={message.id}
            text={text}
            align="start"
            feedback={ratingOf(message)}
            onFeedback={(value) => void rate(message.id, value, message.metadata?.feedback ?? null)}
          />
        )}
      </div>
    );
  };

  return (
    <div aria-live="polite" className="mx-auto flex w-full max-w-3xl flex-col gap-7 px-4 pt-6 pb-10 sm:px-6 sm:pt-10">
      {messages.map((message, index) => {
        const isLast = index === messages.length - 1;
        if (message.role === "user") {
          const text = messageText(message);
          return (
            <div key={message.id} className="flex flex-col gap-1">
              <UserMessage text={text} />
              <MessageActions messageId={message.id} text={text} align="end" />
            </div>
          );
        }
        if (message.role === "assistant") return answer(message, isLast);
        return null;
      })}
      {waitingForAnswer && answer(PENDING_ANSWER, true)}
      {failedBeforeAnswer && <Alert>{chatErrorText(error)}</Alert>}
    </div>
  );
}
