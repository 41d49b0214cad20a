import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listConversationSummaries, searchConversationSummaries } from "@/lib/chat/conversation-view";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { testProvider, useTestDatabase } from "../support/database";

// An account with 10,000 conversations: the sidebar's pages are read along the index, so the first page and a deep
// page cost about the same. Timings are printed for a human to read, not asserted (CI machines vary too much).

const COUNT = 10_000;
const PAGE = 50;
const database = useTestDatabase();
let userId = "";

beforeAll(async () => {
  await database.reset();
  userId = (await createUser({ email: "many@example.com", role: "user", mayBecomeFirstAdmin: false })).id;
  const now = Date.now();
  const rows = Array.from({ length: COUNT }, (_, index) => ({
    id: randomUUID(),
    userId,
    title: `Conversation ${index}`,
    pinned: index % 1000 === 0,
    updatedAt: new Date(now - index * 60_000),
  }));
  const started = performance.now();
  for (let at = 0; at < rows.length; at += 1000) await getDb().conversation.createMany({ data: rows.slice(at, at + 1000) });
  console.log(`[conversations 10k ${testProvider()}] seeded ${COUNT} in ${Math.round(performance.now() - started)} ms`);
}, 120_000);

async function timed<T>(label: string, action: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await action();
  console.log(`[conversations 10k ${testProvider()}] ${label}: ${(performance.now() - started).toFixed(1)} ms`);
  return result;
}

describe(`10,000 conversations on ${testProvider()}`, () => {
  it("pages through all of them in order, pinned first, each page read along the index", async () => {
    const first = await timed("first page", () => listConversationSummaries(userId, { limit: PAGE }));
    expect(first.conversations).toHaveLength(PAGE);
    expect(first.conversations.slice(0, 10).every((conversation) => conversation.pinned)).toBe(true);

    const seen = new Set(first.conversations.map((conversation) => conversation.id));
    let cursor = first.nextCursor;
    let pages = 1;
    const started = performance.now();
    while (cursor) {
      const page = await listConversationSummaries(userId, { cursor, limit: PAGE });
      for (const conversation of page.conversations) seen.add(conversation.id);
      cursor = page.nextCursor;
      pages++;
    }
    const perPage = (performance.now() - started) / Math.max(1, pages - 1);
    console.log(`[conversations 10k ${testProvider()}] ${pages} pages, ${perPage.toFixed(1)} ms per later page`);
    expect(seen.size).toBe(COUNT);
  }, 120_000);

  it("searches titles across all of them", async () => {
    const { results } = await timed("search 'Conversation 999'", () => searchConversationSummaries(userId, "Conversation 999"));
    expect(results.map((result) => result.title).sort()).toEqual(["Conversation 999", ...Array.from({ length: 10 }, (_, i) => `Conversation 999${i}`)].sort());
  }, 60_000);
});
