"use client";

import { CircleStop } from "lucide-react";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { LazyMessageMarkdown } from "@/components/chat/markdown/lazy-message-markdown";
import { messageText } from "@/components/chat/message-text";
import { PolicyNotice } from "@/components/chat/policy-notice";
import { ThinkingIndicator } from "@/components/chat/thinking-indicator";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import type { ChatUIMessage } from "@/lib/chat/types";
import { type AnswerStreamState, useAnswerStream } from "./use-answer-stream";

/** One streamed answer as its column shows it. */
export type ColumnAnswer = {
  state: AnswerStreamState;
  /** Still waiting for or writing the answer. */
  live: boolean;
  text: string;
  metadata: ChatUIMessage["metadata"];
  /** Why there is no (whole) answer: the model's error or a lost connection. */
  failure: string | null;
};

export function statusText(state: AnswerStreamState): string {
  const status = state.message?.metadata?.status;
  if (state.phase === "failed") return "Connection lost";
  if (state.phase === "elsewhere") return "Being written on another server";
  if (status === "complete") return "Finished";
  if (status === "stopped") return state.message?.metadata?.lengthLimit ? "Stopped at the length limit" : "Stopped";
  if (status === "interrupted") return "Interrupted";
  if (status === "error") return "Failed";
  return state.message && messageText(state.message) ? "Writing…" : "Waiting for the first token…";
}

/** Follows the answer at `url`; `onEnd` runs once it ended (finished, stopped or failed), or cannot be followed from here. */
export function useColumnAnswer(url: string, onEnd: () => void): ColumnAnswer {
  const state = useAnswerStream(url);
  const live = state.phase === "waiting" || state.phase === "writing";
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  useEffect(() => {
    if (!live) onEndRef.current();
  }, [live]);

  const text = state.message ? messageText(state.message) : "";
  const metadata = state.message?.metadata;
  const failure = metadata?.status === "error" ? (metadata.error ?? "This model could not answer.") : state.connectionError;
  return { state, live, text, metadata, failure };
}

type AnswerColumnProps = {
  answer: ColumnAnswer;
  testId: string;
  /** The heading, which names the column: the model's name, or in a blind battle "Model A" until the vote. */
  title: ReactNode;
  /** Beside the heading (the demo badge). */
  badge?: ReactNode;
  /** Between the header and the answer (Compare's live figures). */
  figures?: ReactNode;
  /** Under the answer: notes, and errors of the column's own actions. */
  children?: ReactNode;
  /** The column's buttons. */
  footer?: ReactNode;
};

/** One answer beside others (Compare, and the blind battle): a region named by its heading, with the answer's status. */
export function AnswerColumn({ answer, testId, title, badge, figures, children, footer }: AnswerColumnProps) {
  const headingId = useId();
  const { state, live, text, metadata, failure } = answer;

  return (
    <section
      aria-labelledby={headingId}
      aria-busy={live}
      data-testid={testId}
      className="flex min-w-0 flex-col overflow-hidden rounded-xl border bg-card shadow-xs"
    >
      <header className="flex items-center justify-between gap-2 border-b px-4 py-3">
        <div className="flex min-w-0 items-center gap-2">
          <h2 id={headingId} className="text-sm leading-5 font-semibold break-words">
            {title}
          </h2>
          {badge}
        </div>
        <p role="status" className="inline-flex shrink-0 items-center gap-1.5 text-xs text-muted-foreground">
          {live && <Spinner className="size-3.5" />}
          {metadata?.status === "stopped" && <CircleStop aria-hidden="true" className="size-3.5" />}
          <span data-testid="column-status">{statusText(state)}</span>
        </p>
      </header>
      {figures}
      <div className="min-h-40 flex-1 px-4 py-3">
        {text ? (
          <div data-testid="message-text" className="text-[15px] leading-7 break-words">
            <LazyMessageMarkdown text={text} />
          </div>
        ) : (
          live && <ThinkingIndicator />
        )}
        {metadata?.policyBlock && <PolicyNotice categories={metadata.policyBlock.categories} />}
        {failure && <Alert className="mt-3">{failure}</Alert>}
        {children}
      </div>
      {footer && <footer className="flex flex-wrap items-center justify-end gap-2 border-t px-4 py-3">{footer}</footer>}
    </section>
  );
}
