"use client";

import { Square, Swords } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useConversationList } from "@/components/chat/conversation-list-context";
import { PromptBox } from "@/components/compare/prompt-box";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ArenaBattleView, ArenaSide, ArenaVote } from "@/lib/arena/types";
import { startBattle, stopBattle, voteOnBattle } from "./arena-api";
import { ArenaColumn } from "./arena-column";
import { VoteBar, voteLabel } from "./vote-bar";

const SIDES: ArenaSide[] = ["a", "b"];

/**
 * Compare → Blind: one prompt to two models the server picked at random. The page never knows which until the vote
 * (the server sends "Model A" and "Model B" only); the vote reveals the names.
 */
export function ArenaView() {
  const { refresh } = useConversationList();
  const [prompt, setPrompt] = useState("");
  const [battle, setBattle] = useState<ArenaBattleView | null>(null);
  const [ended, setEnded] = useState<ReadonlySet<ArenaSide>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const bothEnded = ended.size === SIDES.length;
  const canStart = prompt.trim() !== "" && !busy && (battle === null || bothEnded);

  const start = async () => {
    setBusy(true);
    setError(null);
    const result = await startBattle(prompt.trim());
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setEnded(new Set());
    setBattle(result.value.battle);
    setPrompt("");
  };

  const vote = async (choice: ArenaVote) => {
    if (!battle) return;
    setBusy(true);
    setError(null);
    const result = await voteOnBattle(battle.id, choice);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setBattle(result.value.battle);
    // The vote shows the battle's conversation in the sidebar.
    void refresh();
  };

  const stop = async () => {
    if (!battle) return;
    setBusy(true);
    const result = await stopBattle(battle.id);
    setBusy(false);
    if (!result.ok) setError(result.message);
  };

  return (
    <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-5 px-4 py-6 sm:px-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Blind battle</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Two models picked at random answer your prompt as Model A and Model B. Vote for the better answer to see which models they were; votes make the
            leaderboard.
          </p>
        </div>
        <nav className="flex gap-3 text-sm">
          <Link href="/compare" className="underline underline-offset-4">
            Compare
          </Link>
          <Link href="/leaderboard" className="underline underline-offset-4">
            Leaderboard
          </Link>
        </nav>
      </header>
      <PromptBox prompt={prompt} onPromptChange={setPrompt} canSubmit={canStart} onSubmit={() => void start()} placeholder="One prompt for two unnamed models…">
        {battle && !bothEnded ? (
          <Button key="stop" type="button" variant="secondary" size="sm" onClick={() => void stop()} disabled={busy}>
            {busy ? <Spinner /> : <Square aria-hidden="true" className="fill-current" />}
            Stop both
          </Button>
        ) : (
          <Button key="start" type="submit" size="sm" disabled={!canStart}>
            {busy ? <Spinner /> : <Swords aria-hidden="true" />}
            Start battle
          </Button>
        )}
      </PromptBox>
      {error && <Alert>{error}</Alert>}
      {battle && (
        <section aria-label="Answers" className="flex flex-col gap-3">
          <div className="rounded-lg bg-muted/50 px-4 py-3 text-sm">
            <span className="text-muted-foreground">Prompt: </span>
            <span className="break-words whitespace-pre-wrap">{battle.prompt}</span>
          </div>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {SIDES.map((side) => (
              <ArenaColumn
                key={`${battle.id}-${side}`}
                battleId={battle.id}
                side={side}
                model={battle.models?.[side] ?? null}
                onEnd={() => setEnded((current) => new Set(current).add(side))}
              />
            ))}
          </div>
          {battle.vote ? (
            <p role="status" data-testid="arena-result" className="text-sm">
              You voted <strong>{voteLabel(battle.vote)}</strong>. Model A was {battle.models?.a.name}, Model B was {battle.models?.b.name}.
            </p>
          ) : (
            <VoteBar disabled={!bothEnded || busy} onVote={(choice) => void vote(choice)} />
          )}
        </section>
      )}
    </div>
  );
}
