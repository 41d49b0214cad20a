import { Sparkles } from "lucide-react";
import { type ChatRetryData, RETRY_DATA_PART, retryText } from "@/lib/chat/data-parts";
import type { ChatUIMessage } from "@/lib/chat/types";
import { AnswerStatus } from "./answer-status";
import { DemoBadge } from "./demo-badge";
import { LazyMessageMarkdown } from "./markdown/lazy-message-markdown";
import { messageText } from "./message-text";
import { ThinkingIndicator } from "./thinking-indicator";

type AssistantMessageProps = {
  message: ChatUIMessage;
  modelName: string;
  demo: boolean;
  live: boolean;
  failure: string | null;
  continueHref?: string;
};

/** The latest "asked again" notice of a live answer, if any. */
function retryData(message: ChatUIMessage): ChatRetryData | null {
  const part = message.parts.findLast((candidate) => candidate.type === RETRY_DATA_PART);
  return part && "data" in part ? (part.data as ChatRetryData) : null;
}

/** One answer, on the left: which model wrote it, its text (Markdown), then its status. */
export function AssistantMessage({ message, modelName, demo, live, failure, continueHref }: AssistantMessageProps) {
  const text = messageText(message);
  return (
    <article aria-label={`Answer from ${modelName}`} aria-busy={live} className="flex gap-3">
      <span aria-hidden="true" className="mt-px flex size-7 shrink-0 items-center justify-center rounded-lg border bg-card text-primary shadow-xs">
        <Sparkles className="size-3.5" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex h-7 items-center gap-2 text-[13px] font-medium text-muted-foreground">
          {modelName}
          {demo && <DemoBadge />}
        </p>
        {text ? (
          <div data-testid="message-text" className="mt-0.5 text-[15px] leading-7 break-words">
            <LazyMessageMarkdown text={text} />
          </div>
        ) : (
          live && <ThinkingIndicator retrying={retryText(retryData(message))} />
        )}
        <AnswerStatus metadata={message.metadata} live={live} hasText={text.length > 0} failure={failure} continueHref={continueHref} />
      </div>
    </article>
  );
}
