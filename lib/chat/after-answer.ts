import "server-only";

// Work that follows a stored answer once its stream has closed (today: the new chat's title, a second call to the
// model). It runs after the stream so the browser's answer ends with its last token instead of waiting for the title;
// kept here, per conversation, so a graceful shutdown and the tests can wait for it to finish.

// On globalThis so every route bundle and a dev reload share one set, like the generation registry.
const globalForChat = globalThis as unknown as { chatAfterAnswer?: Map<string, Set<Promise<unknown>>> };

function pending(): Map<string, Set<Promise<unknown>>> {
  globalForChat.chatAfterAnswer ??= new Map();
  return globalForChat.chatAfterAnswer;
}

/** Runs `work` for the conversation and keeps it listed until it settles; the returned promise never rejects. */
export function runAfterAnswer(conversationId: string, work: () => Promise<unknown>): Promise<void> {
  const running = pending();
  const promise = work().catch(() => undefined);
  const set = running.get(conversationId) ?? new Set();
  set.add(promise);
  running.set(conversationId, set);
  return promise.then(() => {
    set.delete(promise);
    if (set.size === 0 && running.get(conversationId) === set) running.delete(conversationId);
  });
}

/** True while work after an answer (a title) is still running for the conversation. */
export function hasWorkAfterAnswer(conversationId: string): boolean {
  return pending().has(conversationId);
}

/** Settles once all work after answers running now, in every conversation, has settled. */
export async function allWorkAfterAnswers(): Promise<void> {
  await Promise.all([...pending().values()].flatMap((set) => [...set]));
}
