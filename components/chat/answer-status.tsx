import { CircleStop, MessageSquarePlus, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ChatMessageMetadata } from "@/lib/chat/types";
import { cn } from "@/lib/utils";
import { PolicyNotice } from "./policy-notice";

const numberFormat = new Intl.NumberFormat("en");

type AnswerStatusProps = {
  metadata: ChatMessageMetadata | undefined;
  /** The answer is being written right now. */
  live: boolean;
  hasText: boolean;
  /** Why the answer failed, when it did. */
  failure: string | null;
  /** Failed because the conversation outgrew the model: a link to go on in a new chat. */
  continueHref?: string;
};

function durationText(ms: number): string {
  return ms < 1_000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

function usageText(metadata: ChatMessageMetadata | undefined): string | null {
  const usage = metadata?.usage;
  if (!usage) return null;
  const totalMs = metadata?.timings?.totalMs;
  const duration = totalMs ? ` · ${durationText(totalMs)}` : "";
  return `${numberFormat.format(usage.outputTokens)} tokens${usage.estimated ? " (estimated)" : ""}${duration}`;
}

/** The line under an answer: writing, stopped, interrupted, failed, blocked by policy, and what it cost. */
export function AnswerStatus({ metadata, live, hasText, failure, continueHref }: AnswerStatusProps) {
  const status = metadata?.status;
  const usage = live ? null : usageText(metadata);
  const policyBlock = metadata?.policyBlock;

  return (
    <>
      {policyBlock && <PolicyNotice categories={policyBlock.categories} />}
      {failure && <Alert className="mt-3">{failure}</Alert>}
      {failure && continueHref && (
        <Link href={continueHref} className={cn(buttonClasses({ variant: "secondary", size: "sm" }), "mt-2")}>
          <MessageSquarePlus aria-hidden="true" />
          Continue in a new chat
        </Link>
      )}
      {(live && hasText) || status === "stopped" || status === "interrupted" || usage ? (
        <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
          {live && hasText && (
            <span className="inline-flex items-center gap-1.5">
              <Spinner className="size-3.5" />
              Writing…
            </span>
          )}
          {!live && status === "stopped" && (
            <span className="inline-flex items-center gap-1.5 font-medium text-foreground/80">
              <CircleStop aria-hidden="true" className="size-3.5" />
              {metadata?.lengthLimit ? "Stopped at the length limit" : "Stopped"}
            </span>
          )}
          {!live && status === "interrupted" && (
            <span className="inline-flex items-center gap-1.5 font-medium text-foreground/80">
              <TriangleAlert aria-hidden="true" className="size-3.5" />
              Interrupted: the answer could not be completed
            </span>
          )}
          {usage && <span>{usage}</span>}
        </p>
      ) : null}
    </>
  );
}
