import type { markdownBundleSize } from "./bundle";
import type { Summary } from "./stats";

/** What the harness (harness.tsx) returns. */
export type StreamResult = { perToken: number[]; longTasks: number; chars: number; codeBlocks: number };
export type OpenResult = { commitMs: number; layoutMs: number; firstPaintMs: number; articles: number };
export type Bench = {
  stream(tokens: string[], variant: "blocks" | "whole", every?: number): Promise<StreamResult>;
  openConversation(messages: Array<{ role: "user" | "assistant"; text: string }>): Promise<OpenResult>;
  openMessageList(messages: Array<{ role: "user" | "assistant"; text: string }>): Promise<OpenResult>;
};

type StreamSummary = Summary & { longTasks: number };

/** test-results/bench.json. */
export type BenchReport = {
  date: string;
  browser: string;
  streaming: {
    tokens: number;
    chars: number;
    codeBlocks: number;
    blocks: StreamSummary & { slowest: Array<{ index: number; ms: number; tail: string }> };
    wholeTextBaseline: StreamSummary & { sampledEvery: number };
  };
  openConversation: { messages: number; runs: OpenResult[]; medianFirstPaintMs: number; medianCommitMs: number };
  /** The same conversation in the chat's MessageList (what the conversation page renders). */
  openMessageList: { messages: number; runs: OpenResult[]; medianFirstPaintMs: number; medianCommitMs: number };
  markdownBundle: Awaited<ReturnType<typeof markdownBundleSize>>;
  durationSeconds: number;
};
