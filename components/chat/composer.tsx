"use client";

import { ArrowUp, Square, WifiOff } from "lucide-react";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useOnline } from "@/hooks/use-online";
import type { ModelOption } from "@/lib/chat/types";
import type { FindingCount } from "@/lib/privacy/decision";
import { preloadChatEngine } from "./lazy-chat-engine";
import { preloadMessageMarkdown } from "./markdown/lazy-message-markdown";
import { ModelSelect } from "./model-select";
import { PrivacyConfirm, type PrivacyConfirmation } from "./privacy/privacy-confirm";
import { PrivacyHints } from "./privacy/privacy-hints";
import { useNewChatSettings } from "./settings/new-chat-settings";

type ComposerProps = {
  /** Text to put back in an empty box (a question the server refused); a new key puts it back again. */
  restore?: { text: string; key: number } | null;
  models: ModelOption[];
  modelId: string;
  onModelChange: (modelId: string) => void;
  /** An answer is on its way: the send button becomes Stop. */
  busy: boolean;
  stopping: boolean;
  /** `privacyAcknowledged`: "Send anyway" after the server asked to confirm these findings. */
  onSend: (text: string, privacyAcknowledged?: FindingCount[]) => void;
  onStop: () => void;
  /** The server asks to confirm findings before sending (privacy_confirm); the message is back in the box. */
  privacyConfirmation?: PrivacyConfirmation | null;
  onPrivacyCancel?: () => void;
};

const roundButton = "size-9 rounded-full px-0";

/**
 * Where the user writes: Enter sends, Shift+Enter starts a new line. Offline, sending waits (the draft stays) and a
 * banner says why. A chat started from a preset opens with the preset's first message here.
 */
export function Composer({ restore, models, modelId, onModelChange, busy, stopping, onSend, onStop, privacyConfirmation, onPrivacyCancel }: ComposerProps) {
  const newChat = useNewChatSettings();
  const [text, setText] = useState(() => newChat?.draft ?? "");
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const online = useOnline();
  const canSend = online && !busy && text.trim().length > 0 && modelId !== "";

  useEffect(() => {
    // What was typed before the page became interactive is in the field but not yet in state.
    const typedEarly = textarea.current?.value;
    if (typedEarly) setText(typedEarly);
    // Ready to type, except on touch screens, where focusing would pop up the keyboard over the page.
    if (window.matchMedia("(pointer: fine)").matches) textarea.current?.focus();
  }, []);

  const restoreKey = restore?.key;
  const restoreText = restore?.text;
  useEffect(() => {
    // Never over what the user has typed since.
    if (restoreKey !== undefined && restoreText) setText((current) => current || restoreText);
  }, [restoreKey, restoreText]);

  const submit = (event?: FormEvent, privacyAcknowledged?: FindingCount[]) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(text.trim(), privacyAcknowledged);
    setText("");
    textarea.current?.focus();
  };
  const selectedModel = models.find((model) => model.id === modelId);

  const stop = () => {
    onStop();
    // The Stop button is about to turn back into Send: keep the keyboard where the next message is written.
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter also confirms a word in Japanese, Chinese or Korean input methods.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  return (
    <div className="sticky bottom-0 z-20 bg-linear-to-t from-background from-70% to-transparent px-4 pt-6 pb-3 sm:px-6 sm:pb-5">
      <form onSubmit={submit} className="mx-auto w-full max-w-3xl">
        {!online && (
          <p
            role="status"
            data-testid="offline-banner"
            className="mb-2 flex items-center gap-2 rounded-lg border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-[13px] text-foreground"
          >
            <WifiOff aria-hidden="true" className="size-4 shrink-0 text-amber-600 dark:text-amber-400" />
            You are offline. Your message will not be sent until you reconnect.
          </p>
        )}
        {privacyConfirmation && (
          <PrivacyConfirm
            confirmation={privacyConfirmation}
            onConfirm={(warnings) => submit(undefined, warnings)}
            onCancel={() => {
              onPrivacyCancel?.();
              textarea.current?.focus();
            }}
          />
        )}
        <div className="rounded-2xl border border-input bg-card shadow-sm transition-[border-color,box-shadow] focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/25">
          <label htmlFor={id} className="sr-only">
            Message
          </label>
          <textarea
            ref={textarea}
            id={id}
            name="message"
            rows={1}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              preloadMessageMarkdown();
              preloadChatEngine();
            }}
            onKeyDown={onKeyDown}
            placeholder="Ask anything…"
            className="block max-h-60 min-h-14 w-full resize-none bg-transparent px-4 pt-3.5 pb-1 text-[15px] leading-6 field-sizing-content placeholder:text-muted-foreground/70 focus:outline-none"
          />
          <PrivacyHints text={text} policy={selectedModel?.privacyPolicy} modelName={selectedModel?.name ?? ""} />
          <div className="flex items-center justify-between gap-2 px-2 pb-2">
            <ModelSelect models={models} value={modelId} onChange={onModelChange} />
            {busy ? (
              <Button aria-label="Stop" title="Stop the answer" variant="secondary" className={roundButton} disabled={stopping} onClick={stop}>
                {stopping ? <Spinner /> : <Square aria-hidden="true" className="fill-current" />}
              </Button>
            ) : (
              <Button
                type="submit"
                aria-label="Send"
                title={online ? "Send (Enter)" : "Offline: reconnect to send"}
                className={roundButton}
                disabled={!canSend}
              >
                <ArrowUp aria-hidden="true" />
              </Button>
            )}
          </div>
        </div>
        <p className="mt-2 text-center text-[11px] text-muted-foreground">
          Answers can be wrong. Check important facts.<span className="hidden sm:inline"> Shift+Enter for a new line.</span>
        </p>
      </form>
    </div>
  );
}
