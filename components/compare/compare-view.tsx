"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useConversationList } from "@/components/chat/conversation-list-context";
import { randomUuid } from "@/components/chat/random-uuid";
import { Alert } from "@/components/ui/alert";
import type { CompareResponse } from "@/lib/chat/compare-input";
import { MAX_COMPARE_MODELS, MIN_COMPARE_MODELS } from "@/lib/chat/compare-limits";
import type { ModelOption } from "@/lib/chat/types";
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

  const running = run !== null && run.answers.some((answer) => !finished.has(answer.messageId));
  const { refresh } = conversations;
  useEffect(() => {
    // The server titled the new conversation after the first answer: the sidebar learns it.
    if (run && !running) void refresh();
  }, [run, running, refresh]);
  const countOk = selected.length >= MIN_COMPARE_MODELS && selected.length <= MAX_COMPARE_MODELS;
  const canCompare = countOk && prompt.trim() !== "" && !starting && !running;

  const compare = async () => {
    const text = prompt.trim();
    const conversationId = randomUuid();
    const startedAt = performance.now();
    setStarting(true);
    setError(null);
    const result = await startCompare({ conversationId, prompt: text, modelIds: selected });
    setStarting(false);
    if (!result.ok) return setError(result.message);
    setFinished(new Set());
    setRun({ ...result.value, conversationId, prompt: text, startedAt });
    setPrompt("");
    conversations.upsert(conversationId, { title: text.slice(0, PROVISIONAL_TITLE_LENGTH), modelId: selected[0] ?? null, updatedAt: new Date().toISOString() });
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
          <ModelPicker models={models} selected={selected} disabled={starting || running} onChange={setSelected} />
          {!countOk && <p className="-mt-3 text-xs text-muted-foreground">Choose at least two models.</p>}
          <CompareComposer
            prompt={prompt}
            onPromptChange={setPrompt}
            canCompare={canCompare}
            starting={starting}
            running={running}
            stopping={stoppingAll}
            onCompare={() => void compare()}
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
