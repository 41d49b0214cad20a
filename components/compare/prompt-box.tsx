"use client";

import { type FormEvent, type KeyboardEvent, type ReactNode, type Ref, useId } from "react";
import { cn } from "@/lib/utils";

type PromptBoxProps = {
  prompt: string;
  onPromptChange: (prompt: string) => void;
  /** Whether Enter (or the submit button) sends now. */
  canSubmit: boolean;
  onSubmit: () => void;
  placeholder: string;
  /** A line under the prompt that describes it. */
  hint?: ReactNode;
  /** The buttons beside the hint: a submit button, or Stop while answers are written. */
  children: ReactNode;
  /** The prompt's box, for the page to put the keyboard back in it. */
  promptRef?: Ref<HTMLTextAreaElement>;
};

/** The one prompt that several models answer (Compare, the blind battle): Enter sends, Shift+Enter starts a new line. */
export function PromptBox({ prompt, onPromptChange, canSubmit, onSubmit, placeholder, hint, children, promptRef }: PromptBoxProps) {
  const id = useId();
  const hintId = useId();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (canSubmit) onSubmit();
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
        aria-describedby={hint ? hintId : undefined}
        placeholder={placeholder}
        className="block max-h-60 min-h-16 w-full resize-none bg-transparent px-4 pt-3.5 pb-1 text-[15px] leading-6 field-sizing-content placeholder:text-muted-foreground/70 focus:outline-none"
      />
      <div className={cn("flex items-center gap-2 px-3 pb-2.5", hint ? "justify-between" : "justify-end")}>
        {hint && (
          <p id={hintId} className="text-[11px] text-muted-foreground">
            {hint}
          </p>
        )}
        {children}
      </div>
    </form>
  );
}
