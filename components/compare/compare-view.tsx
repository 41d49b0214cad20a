"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useConversationList } from "@/components/chat/conversation-list-context";
import { PrivacyConfirm, type PrivacyConfirmation } from "@/components/chat/privacy/privacy-confirm";
import { randomUuid } from "@/components/chat/random-uuid";
import { Alert } from "@/components/ui/alert";
import type { CompareRequest, CompareResponse } from "@/lib/chat/compare-input";
import { MAX_COMPARE_MODELS, MIN_COMPARE_MODELS } from "@/lib/chat/compare-limits";
import type { ModelOption } from "@/lib/chat/types";
import type { FindingCount } from "@/lib/privacy/decision";
import { cn } from "@/lib/utils";
import { startCompare, stopAnswers } from "./compare-api";
import { CompareColumn } from "./compare-column";
import { CompareComposer } from "./compare-composer";
import { ModelPicker } from "./model-picker";

/** A title for the sidebar until the server has chosen one. */
const PROVISIONAL_TITLE_LENGTH = 60;

type Run = CompareResponse & { conversationId: string; prompt: string; startedAt: number };

function initialSelection(models: ModelOption[]): string[] {
  const preferred = models.find((model) => model.isDefault) ?? models[0];
  const others = models.filter((model) => model !== preferred);
  return [preferred, others[0]].filter((model): model is ModelOption => model !== undefined).map((model) => model.id);
}

const gridColumns: Record<number, string> = { 2: "md:grid-cols-2", 3: "md:grid-cols-2 xl:grid-cols-3" };

/** Compare: one prompt to two or three models, side by side; the user continues with the answer they prefer. */
export function CompareView({ models, arenaEnabled }: { models: ModelOption[]; arenaEnabled: boolean }) {
  const router = useRouter();
  const conversations = useConversationList();
  const [selected, setSelected] = useState(() => initialSelection(models));
  const [prompt, setPrompt] = useState("");
  const [run, setRun] = useState<Run | null>(null);
  const [starting, setStarting] = useState(false);
  const [stoppingAll, setStoppingAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [finished, setFinished] = useState<ReadonlySet<string>>(new Set());
  const [choosingId, setChoosingId] = useState<string | null>(null);
  // A privacy_confirm refusal: the findings, and the request they were found in, sent again on "Send anyway".
  const [pendingConfirm, setPendingConfirm] = useState<{ confirmation: PrivacyConfirmation; request: CompareRequest } | null>(null);
  const promptBox = useRef<HTMLTextAreaElement>(null);

  const running = run !== null && run.answers.some((answer) => !finished.has(answer.messageId));
  const { refreshForTitle } = conversations;
  useEffect(() => {
    // The server titles the new conversation after the first answers: the sidebar learns it.
    if (run && !running) refreshForTitle();
  }, [run, running, refreshForTitle]);
  const countOk = selected.length >= MIN_COMPARE_MODELS && selected.length <= MAX_COMPARE_MODELS;
  const canCompare = countOk && prompt.trim() !== "" && !starting && !running;

  const start = async (request: CompareRequest) => {
    const startedAt = performance.now();
    setStarting(true);
    setError(null);
    setPendingConfirm(null);
    const result = await startCompare(request);
    setStarting(false);
    if (!result.ok) {
      // Nothing was sent or stored: the prompt stays in the box, with the reason or the findings to confirm.
      const warnings = result.error.code === "privacy_confirm" ? result.error.privacy?.warnings : undefined;
      if (warnings) return setPendingConfirm({ confirmation: { message: result.message, warnings }, request });
      return setError(result.message);
    }
    const { conversationId, prompt: text, modelIds } = request;
    setFinished(new Set());
    setRun({ ...result.value, conversationId, prompt: text, startedAt });
    setPrompt("");
    conversations.upsert(conversationId, { title: text.slice(0, PROVISIONAL_TITLE_LENGTH), modelId: modelIds[0] ?? null, updatedAt: new Date().toISOString() });
  };
  const compare = () => void start({ conversationId: randomUuid(), prompt: prompt.trim(), modelIds: selected });
  const sendAnyway = (privacyAcknowledged: FindingCount[]) => {
    if (pendingConfirm) void start({ ...pendingConfirm.request, privacyAcknowledged });
    // The panel goes away with the button that had the focus: keep the keyboard at the prompt.
    promptBox.current?.focus();
  };
  const editPrompt = () => {
    setPendingConfirm(null);
    promptBox.current?.focus();
  };
  // The findings were about the prompt and models as they were: a change asks again on the next Compare.
  const changePrompt = (next: string) => {
    setPrompt(next);
    setPendingConfirm(null);
  };
  const changeSelection = (next: string[]) => {
    setSelected(next);
    setPendingConfirm(null);
  };

  const stopAll = async () => {
    if (!run) return;
    setStoppingAll(true);
    const result = await stopAnswers(run.conversationId);
    if (!result.ok) setError(result.message);
    setStoppingAll(false);
  };

  const onColumnEnd = (messageId: string) => setFinished((current) => new Set(current).add(messageId));

  return (
    <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-5 px-4 py-6 sm:px-6">
      <header>
        <h1 className="text-xl font-semibold tracking-tight">Compare models</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Send one prompt to two or three models and see their answers side by side, with time to first token, total time and tokens. Continue the chat with the
          answer you prefer.
        </p>
        {arenaEnabled && (
          <nav className="mt-2 flex gap-3 text-sm">
            {/* A full page load, not a client-side one: the blind page's document then holds no model list at all. */}
            <a href="/compare/blind" className="underline underline-offset-4">
              Blind battle (names hidden until you vote)
            </a>
            <Link href="/leaderboard" className="underline underline-offset-4">
              Leaderboard
            </Link>
          </nav>
        )}
      </header>
      {models.length < MIN_COMPARE_MODELS ? (
        <Alert>At least two models must be available to you to compare. Ask an administrator to enable more models.</Alert>
      ) : (
        <>
          <ModelPicker models={models} selected={selected} disabled={starting || running} onChange={changeSelection} />
          {!countOk && <p className="-mt-3 text-xs text-muted-foreground">Choose at least two models.</p>}
          {pendingConfirm && (
            <PrivacyConfirm confirmation={pendingConfirm.confirmation} cancelLabel="Edit prompt" onConfirm={sendAnyway} onCancel={editPrompt} />
          )}
          <CompareComposer
            promptRef={promptBox}
            prompt={prompt}
            onPromptChange={changePrompt}
            canCompare={canCompare}
            starting={starting}
            running={running}
            stopping={stoppingAll}
            onCompare={compare}
            onStopAll={() => void stopAll()}
          />
          {error && <Alert>{error}</Alert>}
        </>
      )}
      {run && (
        <section aria-label="Answers" className="flex flex-col gap-3">
          <div className="rounded-lg bg-muted/50 px-4 py-3 text-sm">
            <span className="text-muted-foreground">Prompt: </span>
            <span className="break-words whitespace-pre-wrap">{run.prompt}</span>
          </div>
          <div className={cn("grid grid-cols-1 gap-4", gridColumns[run.answers.length])}>
            {run.answers.map((answer) => {
              const model = models.find((option) => option.id === answer.modelId);
              return (
                <CompareColumn
                  key={answer.messageId}
                  conversationId={run.conversationId}
                  messageId={answer.messageId}
                  modelName={model?.name ?? answer.modelId}
                  demo={model?.demo ?? false}
                  startedAt={run.startedAt}
                  choosing={choosingId !== null && choosingId !== answer.messageId}
                  onChoosing={setChoosingId}
                  onEnd={() => onColumnEnd(answer.messageId)}
                  onChosen={() => router.push(`/c/${run.conversationId}`)}
                />
              );
            })}
          </div>
        </section>
      )}
    </div>
  );
}
