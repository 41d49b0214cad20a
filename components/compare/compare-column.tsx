"use client";

import { ArrowRight, Square } from "lucide-react";
import { useState } from "react";
import { DemoBadge } from "@/components/chat/demo-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { AnswerColumn, useColumnAnswer } from "./answer-column";
import { chooseAnswer, stopAnswers } from "./compare-api";
import { LiveFigures } from "./live-figures";
import { compareAnswerUrl } from "./use-answer-stream";

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

/** One model's answer in a Compare run: its text as it streams, its figures, Stop and "Continue with this answer". */
export function CompareColumn({ conversationId, messageId, modelName, demo, startedAt, choosing, onChoosing, onEnd, onChosen }: CompareColumnProps) {
  const answer = useColumnAnswer(compareAnswerUrl(conversationId, messageId), onEnd);
  const [stopping, setStopping] = useState(false);
  const [continuing, setContinuing] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const { state, live, text, metadata } = answer;
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
    <AnswerColumn
      answer={answer}
      testId="compare-column"
      title={modelName}
      badge={demo && <DemoBadge />}
      figures={<LiveFigures message={state.message} text={text} startedAt={startedAt} firstTokenAt={state.firstTokenAt} live={live} />}
      footer={
        live ? (
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
        )
      }
    >
      {state.phase === "elsewhere" && (
        <p className="text-sm text-muted-foreground">This answer is being written by another server. Open the conversation to see it when it is done.</p>
      )}
      {actionError && <Alert className="mt-3">{actionError}</Alert>}
    </AnswerColumn>
  );
}
