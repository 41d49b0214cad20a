"use client";

import { Columns3, Square } from "lucide-react";
import type { Ref } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { PromptBox } from "./prompt-box";

type CompareComposerProps = {
  prompt: string;
  onPromptChange: (prompt: string) => void;
  canCompare: boolean;
  starting: boolean;
  /** Answers are being written: Stop all is offered. */
  running: boolean;
  stopping: boolean;
  onCompare: () => void;
  onStopAll: () => void;
  /** The prompt's box, for the page to put the keyboard back in it (after the privacy panel closes). */
  promptRef?: Ref<HTMLTextAreaElement>;
};

/** The one prompt every chosen model answers: Enter compares, Shift+Enter starts a new line. */
export function CompareComposer({ prompt, onPromptChange, canCompare, starting, running, stopping, onCompare, onStopAll, promptRef }: CompareComposerProps) {
  return (
    <PromptBox
      prompt={prompt}
      onPromptChange={onPromptChange}
      canSubmit={canCompare}
      onSubmit={onCompare}
      placeholder="One prompt for every model…"
      promptRef={promptRef}
      hint={
        <>
          Each model answers in its own column.<span className="hidden sm:inline"> Shift+Enter for a new line.</span>
        </>
      }
    >
      {running ? (
        <Button variant="secondary" size="sm" onClick={onStopAll} disabled={stopping}>
          {stopping ? <Spinner /> : <Square aria-hidden="true" className="fill-current" />}
          Stop all
        </Button>
      ) : (
        <Button type="submit" size="sm" disabled={!canCompare}>
          {starting ? <Spinner /> : <Columns3 aria-hidden="true" />}
          Compare
        </Button>
      )}
    </PromptBox>
  );
}
