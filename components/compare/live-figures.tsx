"use client";

import { useEffect, useState } from "react";
import type { ChatUIMessage } from "@/lib/chat/types";
import { answerFigures } from "./answer-figures";
import { AnswerFiguresList } from "./answer-figures-list";

/** How often the elapsed time ticks while an answer is open. */
const TICK_MS = 200;

type LiveFiguresProps = {
  message: ChatUIMessage | null;
  text: string;
  startedAt: number;
  firstTokenAt: number | null;
  live: boolean;
};

/** The figures with their own clock, so its ticks re-render only these numbers, never the answer's Markdown. */
export function LiveFigures({ message, text, startedAt, firstTokenAt, live }: LiveFiguresProps) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(performance.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [live]);
  return <AnswerFiguresList figures={answerFigures(message, text, { startedAt, firstTokenAt, now, ended: !live })} />;
}
