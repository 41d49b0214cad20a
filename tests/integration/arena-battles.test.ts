import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getSettings, PUT as putSettings } from "@/app/(admin)/api/admin/settings/arena/route";
import { GET as getBattle } from "@/app/(chat)/api/arena/battles/[id]/route";
import { POST as postStop } from "@/app/(chat)/api/arena/battles/[id]/stop/route";
import { GET as getBattleStream } from "@/app/(chat)/api/arena/battles/[id]/stream/route";
import { POST as postVote } from "@/app/(chat)/api/arena/battles/[id]/vote/route";
import { POST as postBattle } from "@/app/(chat)/api/arena/battles/route";
import { GET as getLeaderboard } from "@/app/(chat)/api/arena/leaderboard/route";
import { GET as getConversations } from "@/app/(chat)/api/conversations/route";
import { localTokenizer } from "@/lib/ai/tokens/local-tokenizers";
import type { ArenaBattleView, Leaderboard } from "@/lib/arena/types";
import { isGenerating } from "@/lib/chat/generation-registry";
import { saveArenaEnabled } from "@/lib/db/arena-settings";
import { getDb } from "@/lib/db/client";
import { getUsageByModel } from "@/lib/db/usage-stats";
import { saveModel } from "@/lib/models/save-model";
import { jsonRequest, params } from "../support/admin-routes";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { actAs, newUser, type TestUser } from "../support/signed-in-user";

// Blind battles end to end: the route handlers, the Compare run and the database, against the fake backends. What
// the browser receives before the vote (JSON, headers, the streamed chunks) must not name either model.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const fakes = useFakes();
let ann: TestUser;

const TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000 };
// Distinctive ids and names, so a search of a response for them finds nothing by accident.
const MODELS = [
  { id: "quokka-azure-11", name: "Quokka Deployment Eleven" },
  { id: "numbat-tgi-22", name: "Numbat Llama Twenty-Two" },
];
const REVEALING = MODELS.flatMap((model) => [model.id, model.name]);

beforeAll(async () => {
  await Promise.all((["o200k", "llama2"] as const).map((kind) => localTokenizer(kind)));
});
beforeEach(async () => {
  await waitFor(async () => (await getDb().conversation.findMany({ select: { id: true } })).every((row) => !isGenerating(row.id)));
  await database.reset();
  fakes.reset();
  ann = await newUser("ann@example.com");
  actAs(ann);
  const [azure, tgi] = MODELS;
  await saveModel({
    id: azure!.id,
    name: azure!.name,
    config: { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiKey: fakes.azure.apiKey, timeouts: TIMEOUTS },
    isDefault: true,
  });
  await saveModel({ id: tgi!.id, name: tgi!.name, config: { provider: "tgi", endpoint: fakes.tgi.url, timeouts: TIMEOUTS } });
  await saveArenaEnabled({ enabled: true });
});

async function waitFor<T>(check: () => Promise<T | false | null | undefined>, timeoutMs = 8_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const start = (prompt = "Which of you is better?") => postBattle(jsonRequest("/api/arena/battles", "POST", { prompt }), undefined as never);
const read = (id: string) => getBattle(jsonRequest(`/api/arena/battles/${id}`, "GET"), params({ id }));
const vote = (id: string, choice: string) => postVote(jsonRequest(`/api/arena/battles/${id}/vote`, "POST", { vote: choice }), params({ id }));
const stop = (id: string) => postStop(jsonRequest(`/api/arena/battles/${id}/stop`, "POST"), params({ id }));
const stream = (id: string, side: string) => getBattleStream(jsonRequest(`/api/arena/battles/${id}/stream?side=${side}`, "GET"), params({ id }));

/** Everything a browser gets from a response: status line, headers and body. */
async function everything(response: Response): Promise<string> {
  const headers = [...response.headers.entries()].map(([name, value]) => `${name}: ${value}`).join("\n");
  return `${response.status}\n${headers}\n\n${await response.text()}`;
}

function expectNoModelIn(text: string) {
  for (const secret of REVEALING) expect(text).not.toContain(secret);
}

async function startedBattle(prompt?: string): Promise<ArenaBattleView> {
  const response = await start(prompt);
  expect(response.status).toBe(201);
  const text = await everything(response);
  expectNoModelIn(text);
  return (JSON.parse(text.slice(text.indexOf("\n\n") + 2)) as { battle: ArenaBattleView }).battle;
}

async function answersEnded(battleId: string) {
  const battle = await getDb().arenaBattle.findUniqueOrThrow({ where: { id: battleId } });
  const conversationId = battle.conversationId;
  if (!conversationId) throw new Error("the battle has no conversation");
  await waitFor(async () => !isGenerating(conversationId));
  await waitFor(async () => (await getDb().message.count({ where: { conversationId, role: "assistant", status: "streaming" } })) === 0);
  return { ...battle, conversationId };
}

describe(`blind battles on ${testProvider()}`, () => {
  it("never names either model before the vote: not in the JSON, the headers, the streams or the lists", async () => {
    const battle = await startedBattle();
    expect(battle.models).toBeNull();
    expect(battle.vote).toBeNull();

    // Streamed while written, then replayed once stored: both must stay blind.
    const live = await Promise.all([stream(battle.id, "a"), stream(battle.id, "b")]);
    for (const response of live) {
      expect(response.status).toBe(200);
      const text = await everything(response);
      expectNoModelIn(text);
      expect(text).toContain("text-delta");
      expect(text).not.toContain("messageId");
      expect(text).not.toContain("usage");
    }
    const stored = await answersEnded(battle.id);
    for (const side of ["a", "b"]) {
      const text = await everything(await stream(battle.id, side));
      expectNoModelIn(text);
      expect(text).toContain('"status":"complete"');
    }
    expectNoModelIn(await everything(await read(battle.id)));

    // The battle's conversation (it holds the model ids) is in no list, and its usage in no per-model figure.
    const list = await everything(await getConversations(jsonRequest("/api/conversations", "GET"), undefined as never));
    expect(list).not.toContain(stored.conversationId);
    expectNoModelIn(list);
    const period = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) };
    await waitFor(async () => (await getDb().usageRecord.count({ where: { conversationId: stored.conversationId } })) === 2);
    expect(await getUsageByModel({ period, userId: ann.id })).toEqual([]);

    // Two different models, both the user may use, and both really answered.
    expect(stored.modelAId).not.toBe(stored.modelBId);
    expect(MODELS.map((model) => model.id)).toEqual(expect.arrayContaining([stored.modelAId, stored.modelBId]));
    expect(fakes.azure.requests.filter((request) => request.path.includes("/chat/completions"))).toHaveLength(1);
    expect(fakes.tgi.requests.filter((request) => request.path.startsWith("/generate"))).toHaveLength(1);
  });

  it("reveals the names with the vote, once, and then shows the conversation", async () => {
    const battle = await startedBattle();
    const stored = await answersEnded(battle.id);
    const board = async () => (await (await getLeaderboard(jsonRequest("/api/arena/leaderboard", "GET"), undefined as never)).json()) as Leaderboard;
    expect((await board()).totalVotes).toBe(0);
    const voted = await vote(battle.id, "b");
    expect(voted.status).toBe(200);
    const body = (await voted.json()) as { battle: ArenaBattleView };
    const nameOf = (id: string) => MODELS.find((model) => model.id === id)?.name;
    expect(body.battle.vote).toBe("b");
    expect(body.battle.models).toEqual({
      a: { id: stored.modelAId, name: nameOf(stored.modelAId) },
      b: { id: stored.modelBId, name: nameOf(stored.modelBId) },
    });
    expect(((await (await read(battle.id)).json()) as { battle: ArenaBattleView }).battle.models).toEqual(body.battle.models);

    const after = await board();
    expect(after.totalVotes).toBe(1);
    expect(after.rows[0]).toMatchObject({ modelId: stored.modelBId, votes: 1, wins: 1 });

    const again = await vote(battle.id, "a");
    expect(again.status).toBe(409);
    expect((await getDb().arenaBattle.findUniqueOrThrow({ where: { id: battle.id } })).vote).toBe("b");

    const list = await everything(await getConversations(jsonRequest("/api/conversations", "GET"), undefined as never));
    expect(list).toContain(stored.conversationId);
    const period = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) };
    expect((await getUsageByModel({ period, userId: ann.id })).map((row) => row.modelId).sort()).toEqual([stored.modelAId, stored.modelBId].sort());
  });

  it("is the owner's only: another user gets 404 on reading, following and voting", async () => {
    const battle = await startedBattle();
    await answersEnded(battle.id);
    actAs(await newUser("bob@example.com"));
    expect((await read(battle.id)).status).toBe(404);
    expect((await stream(battle.id, "a")).status).toBe(404);
    expect((await vote(battle.id, "a")).status).toBe(404);
    expect((await getDb().arenaBattle.findUniqueOrThrow({ where: { id: battle.id } })).vote).toBeNull();
  });

  it("stops both answers for the owner only, keeping what was written", async () => {
    const battle = await startedBattle("Go on and on [[fake:stall]]");
    const row = await getDb().arenaBattle.findUniqueOrThrow({ where: { id: battle.id } });
    const conversationId = row.conversationId ?? "";
    await waitFor(async () => isGenerating(conversationId));
    actAs(await newUser("bob@example.com"));
    expect((await stop(battle.id)).status).toBe(404);
    actAs(ann);
    const stopped = await stop(battle.id);
    expect(await stopped.json()).toEqual({ stopped: true });
    await answersEnded(battle.id);
    const statuses = await getDb().message.findMany({ where: { conversationId, role: "assistant" }, select: { status: true } });
    expect(statuses.map((message) => message.status)).toEqual(["stopped", "stopped"]);
  });

  it("refuses everything while the arena is off, and leaves nothing behind", async () => {
    const battle = await startedBattle();
    await answersEnded(battle.id);
    await saveArenaEnabled({ enabled: false });
    for (const response of [await start(), await read(battle.id), await stream(battle.id, "a"), await vote(battle.id, "tie")]) {
      expect(response.status).toBe(403);
    }
    expect(await getDb().arenaBattle.count()).toBe(1);
    expect(fakes.azure.requests).toHaveLength(1);
  });

  it("refuses bad input (an empty prompt, a bad side, a bad vote), needs two models and a session", async () => {
    expect((await start("   ")).status).toBe(400);
    const battle = await startedBattle();
    await answersEnded(battle.id);
    expect((await stream(battle.id, "c")).status).toBe(400);
    expect((await vote(battle.id, "a-ish")).status).toBe(400);
    expect((await read("no such battle!")).status).toBe(404);
    await getDb().model.update({ where: { id: MODELS[1]!.id }, data: { enabled: false } });
    const lonely = await start();
    expect(lonely.status).toBe(409);
    expect(await getDb().arenaBattle.count()).toBe(1);
    actAs(null);
    for (const response of [await start(), await read(battle.id), await stream(battle.id, "a"), await vote(battle.id, "a"), await stop(battle.id)]) {
      expect(response.status).toBe(401);
    }
    expect((await getLeaderboard(jsonRequest("/api/arena/leaderboard", "GET"), undefined as never)).status).toBe(401);
  });

  it("leaves nothing behind when a quota refuses the run", async () => {
    await getDb().quota.create({ data: { userId: ann.id, tokensPerDay: 0 } });
    const response = await start();
    expect(response.status).toBe(429);
    expectNoModelIn(await everything(response));
    expect(await getDb().arenaBattle.count()).toBe(0);
    expect(await getDb().conversation.count()).toBe(0);
  });

  it("refuses what the privacy policy asks about without naming a model or where it runs, and leaves nothing behind", async () => {
    // The Azure model is external: an e-mail address needs a confirmation, which a blind battle cannot ask for.
    const response = await start("Write to anna.schmidt@example.com please.");
    expect(response.status).toBe(422);
    const text = await everything(response);
    expectNoModelIn(text);
    expect(text).not.toContain("external");
    const body = JSON.parse(text.slice(text.indexOf("\n\n") + 2));
    expect(body).toMatchObject({ error: { code: "privacy_blocked", message: expect.stringContaining("1 e-mail address") } });
    expect(await getDb().arenaBattle.count()).toBe(0);
    expect(await getDb().conversation.count()).toBe(0);
    // Only the internal model's /tokenize may have counted the prompt (its policy allows everything): no answer asked.
    expect(fakes.azure.requestCount).toBe(0);
    expect(fakes.tgi.requests.filter((request) => request.path !== "/tokenize")).toEqual([]);
  });

  it("is switched by admins only, and the switch is audited", async () => {
    expect((await putSettings(jsonRequest("/api/admin/settings/arena", "PUT", { enabled: false }), undefined as never)).status).toBe(403);
    actAs(await newUser("root@example.com", "admin"));
    const off = await putSettings(jsonRequest("/api/admin/settings/arena", "PUT", { enabled: false }), undefined as never);
    expect(await off.json()).toEqual({ enabled: false });
    expect(await (await getSettings(jsonRequest("/api/admin/settings/arena", "GET"), undefined as never)).json()).toEqual({ enabled: false });
    expect(await getDb().auditLogEntry.count({ where: { action: "settings.changed", target: "arena.enabled" } })).toBe(1);
  });
});
