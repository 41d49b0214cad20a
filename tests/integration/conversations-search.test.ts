import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as searchRoute } from "@/app/(chat)/api/conversations/search/route";
import type { ConversationSearchResult } from "@/lib/chat/conversation-view";
import { getDb } from "@/lib/db/client";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser } from "../support/signed-in-user";

// The sidebar search over titles and message text: matching, snippets, LIKE wildcards taken literally, ownership.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
beforeEach(async () => {
  await database.reset();
});

const search = (q: string) => searchRoute(new Request(`http://localhost/api/conversations/search?${new URLSearchParams({ q })}`));

async function results(q: string): Promise<ConversationSearchResult[]> {
  const response = await search(q);
  expect(response.status, q).toBe(200);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  return ((await response.json()) as { results: ConversationSearchResult[] }).results;
}

async function seed(userId: string, title: string, texts: string[], minutesAgo = 0) {
  const id = randomUUID();
  const updatedAt = new Date(Date.now() - minutesAgo * 60_000);
  await getDb().conversation.create({ data: { id, userId, title, updatedAt } });
  for (const [index, text] of texts.entries()) {
    await getDb().message.create({
      data: { conversationId: id, role: index % 2 ? "assistant" : "user", parts: [{ type: "text", text }], createdAt: new Date(updatedAt.getTime() + index) },
    });
  }
  return id;
}

describe(`conversation search on ${testProvider()}`, () => {
  it("finds by title and by message text, newest first, with a snippet around the match", async () => {
    const ann = await newUser("ann@example.com");
    actAs(ann);
    const byTitle = await seed(ann.id, "Parrot care", ["What do they eat?"], 1);
    const byText = await seed(ann.id, "Pets", ["Tell me about birds.", `${"Long intro. ".repeat(20)}A PARROT needs company. ${"More text. ".repeat(20)}`], 5);
    await seed(ann.id, "Cats", ["Meow"], 2);

    const found = await results("parrot");
    expect(found.map((result) => result.id)).toEqual([byTitle, byText]);
    expect(found[0]).toMatchObject({ title: "Parrot care", snippet: null });
    expect(found[1]?.snippet).toContain("A PARROT needs company.");
    expect(found[1]?.snippet?.startsWith("…")).toBe(true);
    expect(found[1]?.snippet?.endsWith("…")).toBe(true);
    expect(found[1]?.snippet?.length).toBeLessThan(160);
  });

  it("searches the parts' text only, never their JSON keys", async () => {
    const ann = await newUser("ann@example.com");
    actAs(ann);
    await seed(ann.id, "Greeting", ["Hello"]);
    expect(await results("type")).toEqual([]);
    expect(await results("text")).toEqual([]);
  });

  it("takes % and _ and \\ literally", async () => {
    const ann = await newUser("ann@example.com");
    actAs(ann);
    const percent = await seed(ann.id, "Discounts", ["We give 50% off"]);
    const underscore = await seed(ann.id, "Code", ["call my_func now"]);
    const backslash = await seed(ann.id, "Paths", ["C:\\temp\\x"]);
    await seed(ann.id, "Decoys", ["50 percent off", "myXfunc", "C:/temp"]);
    expect((await results("0%")).map((result) => result.id)).toEqual([percent]);
    expect((await results("%%")).length).toBe(0);
    expect((await results("y_f")).map((result) => result.id)).toEqual([underscore]);
    expect((await results("__")).length).toBe(0);
    expect((await results(":\\t")).map((result) => result.id)).toEqual([backslash]);
  });

  it("never shows another user's conversations", async () => {
    const ann = await newUser("ann@example.com");
    const bob = await newUser("bob@example.com");
    await seed(ann.id, "Ann's secret plan", ["the secret is out"]);
    actAs(bob);
    expect(await results("secret")).toEqual([]);
  });

  it("answers 400 for a query under 2 or over 200 characters; 401 without a session, whatever the query", async () => {
    actAs(await newUser("searcher@example.com"));
    for (const q of ["", "a", "  a  ", "x".repeat(201)]) expect((await search(q)).status, JSON.stringify(q)).toBe(400);
    expect((await searchRoute(new Request("http://localhost/api/conversations/search?q=ok&extra=1"))).status).toBe(400);
    actAs(null);
    expect((await search("a")).status).toBe(401);
    const unauthorized = await search("hello");
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("cache-control")).toBe("private, no-store");
  });
});
