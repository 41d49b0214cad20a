"use client";

import { RefreshCw } from "lucide-react";
import { memo, type ReactNode } from "react";
import type { ChatUIMessage } from "@/lib/chat/types";
import { AssistantMessage } from "./assistant-message";
import { type Feedback, MessageActions } from "./message-actions";
import { messageText } from "./message-text";
import { SiblingSwitcher } from "./sibling-switcher";

type AnswerTurnProps = {
  message: ChatUIMessage;
  modelName: string;
  demo: boolean;
  /** Being written right now. */
  live: boolean;
  failure: string | null;
  /** Stored and finished: copy, rate and regenerate apply. */
  actionable: boolean;
  feedback: Feedback;
  /** An answer is being written or a branch is loading: alternatives cannot be shown or made yet. */
  busy: boolean;
  onFeedback: (messageId: string, value: Feedback, stored: Feedback) => void;
  /** The last answer only. */
  onRegenerate?: () => void;
  onSwitch: (messageId: string) => void;
  /** The conversation outgrew the model: where to go on in a new chat. */
  continueHref?: string;
};

/** One answer with its actions. Memoised: while an answer streams in, only that one renders again. */
export const AnswerTurn = memo(function AnswerTurn(props: AnswerTurnProps) {
  const { message, modelName, demo, live, failure, actionable, feedback, busy, onFeedback, onRegenerate, onSwitch, continueHref } = props;
  const text = messageText(message);
  const siblings = message.metadata?.siblings;
  const switcher = siblings && !live ? <SiblingSwitcher siblings={siblings} kind="answer" disabled={busy} onSwitch={onSwitch} /> : null;
  // A failed answer has no text to copy or rate, but can still be written again.
  const regenerate = onRegenerate && !busy && !live ? onRegenerate : undefined;
  return (
    <div className="flex flex-col gap-1">
      <AssistantMessage message={message} modelName={modelName} demo={demo} live={live} failure={failure} continueHref={continueHref} />
      {actionable ? (
        <MessageActions
          messageId={message.id}
          text={text}
          align="start"
          feedback={feedback}
          onFeedback={(value) => onFeedback(message.id, value, message.metadata?.feedback ?? null)}
          onRegenerate={regenerate}
          switcher={switcher}
        />
      ) : (
        (switcher || regenerate) && <FailedAnswerActions switcher={switcher} onRegenerate={regenerate} />
      )}
    </div>
  );
});

function FailedAnswerActions({ switcher, onRegenerate }: { switcher: ReactNode; onRegenerate?: () => void }) {
  return (
    <div role="group" aria-label="Message actions" className="flex items-center gap-0.5 pl-10">
      {switcher}
      {onRegenerate && <RegenerateButton onRegenerate={onRegenerate} />}
    </div>
  );
}

function RegenerateButton({ onRegenerate }: { onRegenerate: () => void }) {
  return (
    <button
      type="button"
      onClick={onRegenerate}
      className="inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-md px-2 text-[13px] text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring [&_svg]:size-4"
    >
      <RefreshCw aria-hidden="true" />
      Regenerate
    </button>
  );
}
