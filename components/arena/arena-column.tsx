"use client";

import { useEffect, useId, useRef } from "react";
import { MessageMarkdown } from "@/components/chat/markdown/message-markdown";
import { messageText } from "@/components/chat/message-text";
import { PolicyNotice } from "@/components/chat/policy-notice";
import { ThinkingIndicator } from "@/components/chat/thinking-indicator";
import { statusText } from "@/components/compare/compare-column";
import { useAnswerStream } from "@/components/compare/use-answer-stream";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import type { ArenaSide, RevealedModel } from "@/lib/arena/types";
import { battleAnswerUrl } from "./arena-api";

type ArenaColumnProps = {
  battleId: string;
  side: ArenaSide;
  /** Known only after the vote. */
  model: RevealedModel | null;
  /** The answer ended (finished, stopped or failed), or cannot be followed from here. */
  onEnd: () => void;
};

/** One answer of a blind battle: "Model A" or "Model B" until the vote, then the model's name beside it. */
export function ArenaColumn({ battleId, side, model, onEnd }: ArenaColumnProps) {
  const headingId = useId();
  const state = useAnswerStream(battleAnswerUrl(battleId, side));
  const live = state.phase === "waiting" || state.phase === "writing";
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  useEffect(() => {
    if (!live) onEndRef.current();
  }, [live]);

  const text = state.message ? messageText(state.message) : "";
  const metadata = state.message?.metadata;
  const failure = metadata?.status === "error" ? (metadata.error ?? "This model could not answer.") : state.connectionError;

  return (
    <section
      aria-labelledby={headingId}
      aria-busy={live}
      data-testid="arena-column"
      className="flex min-w-0 flex-col overflow-hidden rounded-xl border bg-card shadow-xs"
    >
      <header className="flex items-center justify-between gap-2 border-b px-4 py-3">
        <h2 id={headingId} className="text-sm leading-5 font-semibold break-words">
          Model {side.toUpperCase()}
          {model && (
            <span data-testid="revealed-model" className="font-normal text-muted-foreground">
              {" "}
              · {model.name}
            </span>
          )}
        </h2>
        <p role="status" className="inline-flex shrink-0 items-center gap-1.5 text-xs text-muted-foreground">
          {live && <Spinner className="size-3.5" />}
          <span data-testid="column-status">{statusText(state)}</span>
        </p>
      </header>
      <div className="min-h-40 flex-1 px-4 py-3">
        {text ? (
          <div data-testid="message-text" className="text-[15px] leading-7 break-words">
            <MessageMarkdown text={text} />
          </div>
        ) : (
          live && <ThinkingIndicator />
        )}
        {metadata?.policyBlock && <PolicyNotice categories={metadata.policyBlock.categories} />}
        {failure && <Alert className="mt-3">{failure}</Alert>}
      </div>
    </section>
  );
}
