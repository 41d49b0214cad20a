import "server-only";
import { randomUUID } from "node:crypto";
import { ChunkLog } from "./chunk-log";

/** One answer being written: what resume and stop need to find it. */
export interface ActiveGeneration {
  conversationId: string;
  userId: string;
  /** The answer's message id; a placeholder until startGeneration names the stored message. */
  messageId: string;
  chunks: ChunkLog;
  /** Aborting it reaches the backend's fetch, so the upstream connection closes. */
  abortController: AbortController;
  /** Resolves once the answer is stored with its final status. */
  stored: Promise<void>;
  markStored(): void;
}

type ConversationGenerations = Set<ActiveGeneration>;

// In this process only: another server instance can neither resume nor stop these.
// Kept on globalThis so every route bundle and a dev reload share one registry. A new key: the one-per-conversation
// map of earlier versions had another shape.
const globalForChat = globalThis as unknown as { chatGenerationsByConversation?: Map<string, ConversationGenerations> };

function registry(): Map<string, ConversationGenerations> {
  globalForChat.chatGenerationsByConversation ??= new Map();
  return globalForChat.chatGenerationsByConversation;
}

function newGeneration(conversationId: string, userId: string): ActiveGeneration {
  let markStored = () => {};
  const stored = new Promise<void>((resolve) => {
    markStored = resolve;
  });
  return { conversationId, userId, messageId: randomUUID(), chunks: new ChunkLog(), abortController: new AbortController(), stored, markStored };
}

/**
 * Takes `count` generation slots of the conversation at once (a Compare run writes several answers side by side);
 * null while anything is being written there, so a conversation never mixes two runs.
 */
export function claimGenerations(conversationId: string, userId: string, count: number): ActiveGeneration[] | null {
  const generations = registry();
  if (generations.has(conversationId) || count < 1) return null;
  const claimed = Array.from({ length: count }, () => newGeneration(conversationId, userId));
  generations.set(conversationId, new Set(claimed));
  return claimed;
}

/** Takes the conversation's generation slot for one answer; null while another answer is being written there. */
export function claimGeneration(conversationId: string, userId: string): ActiveGeneration | null {
  return claimGenerations(conversationId, userId, 1)?.[0] ?? null;
}

/** Names the stored answer this generation writes, so resume and stop can find it by message id. */
export function assignMessage(generation: ActiveGeneration, messageId: string): void {
  generation.messageId = messageId;
}

/** Frees the generation's slot (only if the registry still holds it). */
export function releaseGeneration(generation: ActiveGeneration): void {
  const generations = registry();
  const active = generations.get(generation.conversationId);
  if (active?.delete(generation) && active.size === 0) generations.delete(generation.conversationId);
  generation.markStored();
}

/** Every answer being written in the conversation, oldest claim first. */
export function getActiveGenerations(conversationId: string): ActiveGeneration[] {
  return [...(registry().get(conversationId) ?? [])];
}

/** The conversation's latest answer being written (the one a normal chat view follows); null when none is. */
export function getActiveGeneration(conversationId: string): ActiveGeneration | null {
  return getActiveGenerations(conversationId).at(-1) ?? null;
}

/** The answer with this message id, while it is being written in that conversation. */
export function getGenerationForMessage(conversationId: string, messageId: string): ActiveGeneration | null {
  return getActiveGenerations(conversationId).find((generation) => generation.messageId === messageId) ?? null;
}

/** The message ids of every answer this process is writing now. */
export function liveMessageIds(): string[] {
  return allActiveGenerations().map((generation) => generation.messageId);
}

/** Every answer being written in this process (graceful shutdown drains them). */
export function allActiveGenerations(): ActiveGeneration[] {
  return [...registry().values()].flatMap((generations) => [...generations]);
}

export function isGenerating(conversationId: string): boolean {
  return registry().has(conversationId);
}
