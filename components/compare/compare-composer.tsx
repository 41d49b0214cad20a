"use client";

import { Columns3, Square } from "lucide-react";
import { type FormEvent, type KeyboardEvent, type Ref, useId } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

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
  const id = useId();
  const hintId = useId();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (canCompare) onCompare();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  return (
    <form
      onSubmit={submit}
      className="rounded-2xl border border-input bg-card shadow-sm transition-[border-color,box-shadow] focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/25"
    >
      <label htmlFor={id} className="sr-only">
        Prompt
      </label>
      <textarea
        ref={promptRef}
        id={id}
        name="message"
        rows={2}
        value={prompt}
        onChange={(event) => onPromptChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={hintId}
        placeholder="One prompt for every model…"
        className="block max-h-60 min-h-16 w-full resize-none bg-transparent px-4 pt-3.5 pb-1 text-[15px] leading-6 field-sizing-content placeholder:text-muted-foreground/70 focus:outline-none"
      />
      <div className="flex items-center justify-between gap-2 px-3 pb-2.5">
        <p id={hintId} className="text-[11px] text-muted-foreground">
          Each model answers in its own column.<span className="hidden sm:inline"> Shift+Enter for a new line.</span>
        </p>
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
      </div>
    </form>
  );
}
