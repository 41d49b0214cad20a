// A conversation's messages form a tree through parentId: siblings (same parent) are alternatives of one another
// (regenerated answers, edited questions, the answers of a Compare run). The conversation shows one branch, the
// "active path": from the active leaf up through the parents to the root.

export interface TreeMessage {
  id: string;
  parentId: string | null;
  createdAt: Date;
}

/** Where a message stands among its alternatives: "2 / 3", with the neighbours to switch to. */
export interface SiblingPosition {
  /** 1-based. */
  index: number;
  count: number;
  previousId: string | null;
  nextId: string | null;
}

function isNewer(a: TreeMessage, b: TreeMessage): boolean {
  const difference = a.createdAt.getTime() - b.createdAt.getTime();
  return difference !== 0 ? difference > 0 : a.id > b.id;
}

function byAge(a: TreeMessage, b: TreeMessage): number {
  return isNewer(a, b) ? 1 : isNewer(b, a) ? -1 : 0;
}

function newest<T extends TreeMessage>(messages: Iterable<T>): T | null {
  let found: T | null = null;
  for (const message of messages) if (!found || isNewer(message, found)) found = message;
  return found;
}

/** The message on show at the end of the conversation: the active one if it exists here, else the newest. */
export function activeLeaf<T extends TreeMessage>(messages: readonly T[], activeMessageId: string | null | undefined): T | null {
  const active = activeMessageId ? messages.find((message) => message.id === activeMessageId) : undefined;
  return active ?? newest(messages);
}

/** Root first, ending with `leafId`; empty when it is not a message of these. A cycle in bad data ends the walk. */
export function pathTo<T extends TreeMessage>(messages: readonly T[], leafId: string | null | undefined): T[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  const path: T[] = [];
  const seen = new Set<string>();
  let current = leafId ? byId.get(leafId) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.push(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path.reverse();
}

/** The branch on show, root first. */
export function activePath<T extends TreeMessage>(messages: readonly T[], activeMessageId: string | null | undefined): T[] {
  return pathTo(messages, activeLeaf(messages, activeMessageId)?.id);
}

function childrenByParent<T extends TreeMessage>(messages: readonly T[]): Map<string | null, T[]> {
  const ids = new Set(messages.map((message) => message.id));
  const children = new Map<string | null, T[]>();
  for (const message of messages) {
    // A parent that is not there (bad data) makes the message a root rather than an orphan no one can reach.
    const parentId = message.parentId && ids.has(message.parentId) ? message.parentId : null;
    const list = children.get(parentId);
    if (list) list.push(message);
    else children.set(parentId, [message]);
  }
  for (const list of children.values()) list.sort(byAge);
  return children;
}

/**
 * The leaf to show when the user picks `messageId` (one of several alternatives): the newest message of the branch
 * under it, or the message itself when nothing follows it. Null when it is not a message of these.
 */
export function newestLeafUnder<T extends TreeMessage>(messages: readonly T[], messageId: string): T | null {
  const start = messages.find((message) => message.id === messageId);
  if (!start) return null;
  const children = childrenByParent(messages);
  const subtree: T[] = [];
  const seen = new Set<string>();
  const stack: T[] = [start];
  while (stack.length > 0) {
    const message = stack.pop() as T;
    if (seen.has(message.id)) continue;
    seen.add(message.id);
    subtree.push(message);
    stack.push(...(children.get(message.id) ?? []));
  }
  return newest(subtree.filter((message) => !(children.get(message.id)?.length ?? 0))) ?? start;
}

/** For each message of `path`, its place among its alternatives (oldest first). */
export function siblingPositions<T extends TreeMessage>(messages: readonly T[], path: readonly T[]): Map<string, SiblingPosition> {
  const children = childrenByParent(messages);
  const ids = new Set(messages.map((message) => message.id));
  const positions = new Map<string, SiblingPosition>();
  for (const message of path) {
    const parentId = message.parentId && ids.has(message.parentId) ? message.parentId : null;
    const siblings = children.get(parentId) ?? [message];
    const at = siblings.findIndex((sibling) => sibling.id === message.id);
    positions.set(message.id, {
      index: at + 1,
      count: siblings.length,
      previousId: siblings[at - 1]?.id ?? null,
      nextId: siblings[at + 1]?.id ?? null,
    });
  }
  return positions;
}
