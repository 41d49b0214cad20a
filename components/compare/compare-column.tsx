"use client";

import { ArrowRight, CircleStop, Square } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { DemoBadge } from "@/components/chat/demo-badge";
import { LazyMessageMarkdown } from "@/components/chat/markdown/lazy-message-markdown";
import { messageText } from "@/components/chat/message-text";
import { PolicyNotice } from "@/components/chat/policy-notice";
import { ThinkingIndicator } from "@/components/chat/thinking-indicator";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { chooseAnswer, stopAnswers } from "./compare-api";
import { LiveFigures } from "./live-figures";
import { type AnswerStreamState, compareAnswerUrl, useAnswerStream } from "./use-answer-stream";

type CompareColumnProps = {
  conversationId: string;
  messageId: string;
  modelName: string;
  demo: boolean;
  /** performance.now() of the click on Compare: the live figures count from there. */
  startedAt: number;
  /** Another column is being chosen: this one's Continue waits. */
  choosing: boolean;
  onChoosing: (messageId: string | null) => void;
  /** The answer ended (finished, stopped or failed), or cannot be followed from here. */
  onEnd: () => void;
  onChosen: () => void;
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

/** One model's answer in a Compare run: its text as it streams, its figures, Stop and "Continue with this answer". */
export function CompareColumn({ conversationId, messageId, modelName, demo, startedAt, choosing, onChoosing, onEnd, onChosen }: CompareColumnProps) {
  const headingId = useId();
  const state = useAnswerStream(compareAnswerUrl(conversationId, messageId));
  const [stopping, setStopping] = useState(false);
  const [continuing, setContinuing] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const live = state.phase === "waiting" || state.phase === "writing";
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  useEffect(() => {
    if (!live) onEndRef.current();
  }, [live]);

  const text = state.message ? messageText(state.message) : "";
  const metadata = state.message?.metadata;
  const failure = metadata?.status === "error" ? (metadata.error ?? "This model could not answer.") : state.connectionError;
  const canContinue = !live && text !== "" && (metadata?.status === "complete" || metadata?.status === "stopped");

  const stop = async () => {
    setStopping(true);
    setActionError(null);
    const result = await stopAnswers(conversationId, messageId);
    if (!result.ok) setActionError(result.message);
    setStopping(false);
  };

  const continueWithThis = async () => {
    setContinuing(true);
    setActionError(null);
    onChoosing(messageId);
    const result = await chooseAnswer(conversationId, messageId);
    if (result.ok) return onChosen();
    setActionError(result.message);
    setContinuing(false);
    onChoosing(null);
  };

  return (
    <section
      aria-labelledby={headingId}
      aria-busy={live}
      data-testid="compare-column"
      className="flex min-w-0 flex-col overflow-hidden rounded-xl border bg-card shadow-xs"
    >
      <header className="flex items-center justify-between gap-2 border-b px-4 py-3">
        <div className="flex min-w-0 items-center gap-2">
          <h2 id={headingId} className="text-sm leading-5 font-semibold break-words">
            {modelName}
          </h2>
          {demo && <DemoBadge />}
        </div>
        <p role="status" className="inline-flex shrink-0 items-center gap-1.5 text-xs text-muted-foreground">
          {live && <Spinner className="size-3.5" />}
          {metadata?.status === "stopped" && <CircleStop aria-hidden="true" className="size-3.5" />}
          <span data-testid="column-status">{statusText(state)}</span>
        </p>
      </header>
      <LiveFigures message={state.message} text={text} startedAt={startedAt} firstTokenAt={state.firstTokenAt} live={live} />
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
        {state.phase === "elsewhere" && (
          <p className="text-sm text-muted-foreground">This answer is being written by another server. Open the conversation to see it when it is done.</p>
        )}
        {actionError && <Alert className="mt-3">{actionError}</Alert>}
      </div>
      <footer className="flex flex-wrap items-center justify-end gap-2 border-t px-4 py-3">
        {live ? (
          // Keys: two elements, so the colours do not animate from one button into the other (a contrast dip).
          <Button key="stop" variant="secondary" size="sm" onClick={() => void stop()} disabled={stopping} aria-label={`Stop ${modelName}`}>
            {stopping ? <Spinner /> : <Square aria-hidden="true" className="fill-current" />}
            Stop
          </Button>
        ) : (
          <Button
            key="continue"
            size="sm"
            onClick={() => void continueWithThis()}
            disabled={!canContinue || choosing || continuing}
            aria-label={`Continue with this answer from ${modelName}`}
          >
            {continuing ? <Spinner /> : <ArrowRight aria-hidden="true" />}
            Continue with this answer
          </Button>
        )}
      </footer>
    </section>
  );
}
