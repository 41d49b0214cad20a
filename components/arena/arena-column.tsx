"use client";

import { AnswerColumn, useColumnAnswer } from "@/components/compare/answer-column";
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
  const answer = useColumnAnswer(battleAnswerUrl(battleId, side), onEnd);
  return (
    <AnswerColumn
      answer={answer}
      testId="arena-column"
      title={
        <>
          Model {side.toUpperCase()}
          {model && (
            <span data-testid="revealed-model" className="font-normal text-muted-foreground">
              {" "}
              · {model.name}
            </span>
          )}
        </>
      }
    />
  );
}
