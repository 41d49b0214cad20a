import "server-only";
import { ChunkLog } from "./chunk-log";

/** One answer being written: what resume and stop need to find it. */
export interface ActiveGeneration {
  conversationId: string;
  userId: string;
  chunks: ChunkLog;
  /** Aborting it reaches the backend's fetch, so the upstream connection closes. */
  abortController: AbortController;
  /** Resolves once the answer is stored with its final status. */
  stored: Promise<void>;
  markStored(): void;
}

// In this process only: another server instance can neither resume nor stop these.
// Kept on globalThis so every route bundle and a dev reload share one registry.
const globalForChat = globalThis as unknown as { chatGenerations?: Map<string, ActiveGeneration> };

function registry(): Map<string, ActiveGeneration> {
  globalForChat.chatGenerations ??= new Map();
  return globalForChat.chatGenerations;
}

/** Takes the conversation's one generation slot; null while another answer is being written there. */
export function claimGeneration(conversationId: string, userId: string): ActiveGeneration | null {
  const generations = registry();
  if (generations.has(conversationId)) return null;
  let markStored = () => {};
  const stored = new Promise<void>((resolve) => {
    markStored = resolve;
  });
  const generation: ActiveGeneration = {
    conversationId,
    userId,
    chunks: new ChunkLog(),
    abortController: new AbortController(),
    stored,
    markStored,
  };
  generations.set(conversationId, generation);
  return generation;
}

/** Frees the slot (only if it still holds this generation). */
export function releaseGeneration(generation: ActiveGeneration): void {
  const generations = registry();
  if (generations.get(generation.conversationId) === generation) generations.delete(generation.conversationId);
  generation.markStored();
}

export function getActiveGeneration(conversationId: string): ActiveGeneration | null {
  return registry().get(conversationId) ?? null;
}

export function isGenerating(conversationId: string): boolean {
  return registry().has(conversationId);
}
