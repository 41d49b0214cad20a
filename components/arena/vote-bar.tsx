"use client";

import { Button } from "@/components/ui/button";
import type { ArenaVote } from "@/lib/arena/types";

const CHOICES: { vote: ArenaVote; label: string }[] = [
  { vote: "a", label: "A is better" },
  { vote: "b", label: "B is better" },
  { vote: "tie", label: "Tie" },
  { vote: "both_bad", label: "Both are bad" },
];

export const voteLabel = (vote: ArenaVote) => CHOICES.find((choice) => choice.vote === vote)?.label ?? vote;

/** The four votes; offered once both answers have ended. */
export function VoteBar({ disabled, onVote }: { disabled: boolean; onVote: (vote: ArenaVote) => void }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-2" disabled={disabled}>
      <legend className="mb-2 text-sm font-medium">Which answer is better?</legend>
      {CHOICES.map((choice) => (
        <Button key={choice.vote} variant="secondary" size="sm" onClick={() => onVote(choice.vote)}>
          {choice.label}
        </Button>
      ))}
    </fieldset>
  );
}
