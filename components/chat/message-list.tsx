"use client";

import type { ChatStatus } from "ai";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { ChatUIMessage, ModelOption } from "@/lib/chat/types";
import { AnswerTurn } from "./answer-turn";
import { chatErrorText } from "./chat-error-text";
import { EarlierMessages } from "./earlier-messages";
import { useMessageFeedback } from "./message-actions";
import { messageText } from "./message-text";
import { answerModelName } from "./model-label";
import { UserTurn } from "./user-turn";

type MessageListProps = {
  messages: ChatUIMessage[];
  status: ChatStatus;
  error: Error | undefined;
  models: ModelOption[];
  /** The model the next answer comes from (shown on the answer being waited for). */
  modelId: string;
  /** A branch is loading (an alternative was picked): alternatives cannot be picked or made meanwhile. */
  switching?: boolean;
  onRegenerate?: () => void;
  onEdit?: (messageId: string, text: string) => void;
  onSwitch?: (messageId: string) => void;
  /** Where the last answer, failed because the conversation outgrew the model, offers to go on in a new chat. */
  continueHref?: string;
};

/**
 * How many messages a conversation opens with; "Show earlier messages" adds as many again. Rendering every message
 * of a long conversation (Markdown, code highlighting, formulas) costs far more than the few screens anyone reads.
 */
export const MESSAGES_SHOWN_AT_FIRST = 40;

const PENDING_ANSWER: ChatUIMessage = { id: "pending-answer", role: "assistant", parts: [] };
const noop = () => {};

function failureOf(message: ChatUIMessage, isLast: boolean, status: ChatStatus, error: Error | undefined): string | null {
  const stored = message.metadata?.error ?? null;
  if (isLast && status === "error") return stored ?? chatErrorText(error);
  if (message.metadata?.status === "error") return stored ?? chatErrorText(undefined);
  return null;
}

/**
 * When earlier messages are added above: keeps the message the reader was looking at in place, and moves the focus to
 * the newest of the added ones, so the keyboard and a screen reader go on reading backwards from there.
 */
function useKeepInPlace() {
  const anchor = useRef<{ element: Element; top: number } | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const remember = () => {
    const element = list.current?.querySelector("[data-turn]");
    anchor.current = element ? { element, top: element.getBoundingClientRect().top } : null;
  };
  useLayoutEffect(() => {
    const held = anchor.current;
    if (!held) return;
    anchor.current = null;
    window.scrollBy({ top: held.element.getBoundingClientRect().top - held.top });
    const added = held.element.previousElementSibling;
    if (added instanceof HTMLElement && added.hasAttribute("data-turn")) added.focus({ preventScroll: true });
  });
  return { list, remember };
}

const turnClass = "rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-ring";

/** The conversation (the branch on show), oldest first; the answer being written is announced politely. */
export function MessageList(props: MessageListProps) {
  const { messages, status, error, models, modelId, switching = false, onRegenerate, onEdit, onSwitch = noop, continueHref } = props;
  const { ratings, rate } = useMessageFeedback();
  const rateAnswer = useCallback((messageId: string, value: 1 | -1 | null, stored: 1 | -1 | null) => void rate(messageId, value, stored), [rate]);
  const [hidden, setHidden] = useState(() => Math.max(0, messages.length - MESSAGES_SHOWN_AT_FIRST));
  const { list, remember } = useKeepInPlace();

  const busy = status === "submitted" || status === "streaming";
  const last = messages.at(-1);
  const waitingForAnswer = busy && last?.role !== "assistant";
  const failedBeforeAnswer = status === "error" && last?.role === "user";
  const locked = busy || switching;
  // A shorter branch (after a switch) shows from its start as much as the window allows.
  const firstShown = Math.min(hidden, Math.max(0, messages.length - MESSAGES_SHOWN_AT_FIRST));

  const showEarlier = () => {
    remember();
    setHidden(Math.max(0, firstShown - MESSAGES_SHOWN_AT_FIRST));
  };

  const answer = (message: ChatUIMessage, index: number) => {
    const isLast = index === messages.length - 1 || message === PENDING_ANSWER;
    const id = message.metadata?.modelId ?? (message === PENDING_ANSWER ? modelId : null);
    const live = isLast && (busy || (status === "ready" && message.metadata?.status === "streaming"));
    // Not while it is being written: the text is not final, and the answer may not be stored yet.
    const actionable = !live && message !== PENDING_ANSWER && messageText(message) !== "";
    const feedback = message.id in ratings ? (ratings[message.id] ?? null) : (message.metadata?.feedback ?? null);
    return (
      <div key={index} data-turn="" tabIndex={-1} className={turnClass}>
        <AnswerTurn
          message={message}
          modelName={answerModelName(models, id)}
          demo={models.find((model) => model.id === id)?.demo ?? false}
          live={live}
          failure={live ? null : failureOf(message, isLast, status, error)}
          actionable={actionable}
          feedback={feedback}
          busy={locked}
          onFeedback={rateAnswer}
          onRegenerate={isLast && message !== PENDING_ANSWER ? onRegenerate : undefined}
          onSwitch={onSwitch}
          continueHref={isLast && message.metadata?.tooLong ? continueHref : undefined}
        />
      </div>
    );
  };

  return (
    <div
      ref={list}
      aria-live={busy ? "polite" : "off"}
      aria-busy={switching}
      className="mx-auto flex w-full max-w-3xl flex-col gap-7 px-4 pt-6 pb-10 [overflow-anchor:none] sm:px-6 sm:pt-10"
    >
      {firstShown > 0 && <EarlierMessages count={firstShown} onShow={showEarlier} />}
      {messages.slice(firstShown).map((message, offset) => {
        const index = firstShown + offset;
        if (message.role === "user") {
          return (
            <div key={index} data-turn="" tabIndex={-1} className={turnClass}>
              <UserTurn message={message} busy={locked} onEdit={onEdit} onSwitch={onSwitch} />
            </div>
          );
        }
        if (message.role === "assistant") return answer(message, index);
        return null;
      })}
      {waitingForAnswer && answer(PENDING_ANSWER, messages.length)}
      {failedBeforeAnswer && <Alert>{chatErrorText(error)}</Alert>}
    </div>
  );
}
