import { randomBytes, randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postVote } from "@/app/(chat)/api/arena/battles/[id]/vote/route";
import { GET as getLeaderboard } from "@/app/(chat)/api/arena/leaderboard/route";
import { GET as getConversations } from "@/app/(chat)/api/conversations/route";
import type { ArenaVote, Leaderboard } from "@/lib/arena/types";
import { createArenaBattle } from "@/lib/db/arena-battles";
import { saveArenaEnabled } from "@/lib/db/arena-settings";
import { getDb } from "@/lib/db/client";
import { addGroupMember, createLocalGroup } from "@/lib/db/groups";
import { saveModel } from "@/lib/models/save-model";
import { jsonRequest, params } from "../support/admin-routes";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser, type TestUser } from "../support/signed-in-user";

// The leaderboard from stored votes (battles made directly in the database; arena-battles.test.ts runs real ones):
// ratings, votes, win rates and thumbs up/down, filtered by period and group, through the real route handler.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));

const database = useTestDatabase();
let ann: TestUser;
let bob: TestUser;

beforeEach(async () => {
  await database.reset();
  ann = await newUser("ann@example.com");
  bob = await newUser("bob@example.com");
  for (const [id, name] of [
    ["strong", "Strong Model"],
    ["weak", "Weak Model"],
    ["other", "Other Model"],
  ]) {
    await saveModel({ id: id as string, name: name as string, config: { provider: "tgi", endpoint: "http://127.0.0.1:9/" } });
  }
  await saveArenaEnabled({ enabled: true });
});

/** A battle of the user's (no answers needed), voted through the route as that user. */
async function votedBattle(user: TestUser, modelAId: string, modelBId: string, vote: ArenaVote) {
  const battle = await createArenaBattle({ conversationId: randomUUID(), userId: user.id, prompt: "p", title: "Arena: p", modelAId, modelBId });
  actAs(user);
  const response = await postVote(jsonRequest(`/api/arena/battles/${battle.id}/vote`, "POST", { vote }), params({ id: battle.id }));
  expect(response.status).toBe(200);
  return battle;
}

async function leaderboard(query = ""): Promise<Leaderboard> {
  const response = await getLeaderboard(jsonRequest(`/api/arena/leaderboard${query}`, "GET"), undefined as never);
  expect(response.status).toBe(200);
  return (await response.json()) as Leaderboard;
}

describe(`the leaderboard on ${testProvider()}`, () => {
  it("changes with every vote: the winner rates higher, votes and win rates are counted", async () => {
    actAs(ann);
    expect((await leaderboard()).rows).toEqual([]);

    await votedBattle(ann, "strong", "weak", "a");
    actAs(ann);
    const once = await leaderboard();
    expect(once.totalVotes).toBe(1);
    expect(once.rows.map((row) => [row.name, row.votes])).toEqual([
      ["Strong Model", 1],
      ["Weak Model", 1],
    ]);

    await votedBattle(ann, "weak", "strong", "b");
    await votedBattle(bob, "strong", "weak", "tie");
    await votedBattle(bob, "weak", "strong", "both_bad");
    actAs(bob);
    const board = await leaderboard();
    expect(board.totalVotes).toBe(4);
    const [first, second] = board.rows;
    expect(first).toMatchObject({ modelId: "strong", votes: 4, wins: 2, losses: 0, ties: 1, bothBad: 1 });
    expect(second).toMatchObject({ modelId: "weak", votes: 4, wins: 0, losses: 2, ties: 1, bothBad: 1 });
    expect(first!.rating).toBeGreaterThan(second!.rating);
    for (const row of board.rows) {
      expect(row.low).toBeLessThanOrEqual(row.rating);
      expect(row.high).toBeGreaterThanOrEqual(row.rating);
    }
    expect(board.matrix.modelIds).toEqual(["strong", "weak"]);
    expect(board.matrix.cells[0]?.[1]).toEqual({ games: 4, winRate: 3 / 4 });
  });

  it("filters by period and by the voters' group; a user may only pick their own groups", async () => {
    const old = await votedBattle(ann, "other", "weak", "a");
    await getDb().arenaBattle.update({ where: { id: old.id }, data: { votedAt: new Date(Date.now() - 40 * 86_400_000) } });
    await votedBattle(bob, "strong", "weak", "a");
    const team = await createLocalGroup({ name: "Team Bob", role: null });
    await addGroupMember({ groupId: team.id, userId: bob.id });

    actAs(ann);
    expect((await leaderboard()).totalVotes).toBe(2);
    expect((await leaderboard("?period=30")).rows.map((row) => row.modelId).sort()).toEqual(["strong", "weak"]);
    const response = await getLeaderboard(jsonRequest(`/api/arena/leaderboard?groupId=${team.id}`, "GET"), undefined as never);
    expect(response.status).toBe(404);
    expect((await getLeaderboard(jsonRequest("/api/arena/leaderboard?period=365", "GET"), undefined as never)).status).toBe(400);

    actAs(bob);
    const teamBoard = await leaderboard(`?groupId=${team.id}`);
    expect(teamBoard.totalVotes).toBe(1);
    expect(teamBoard.rows.map((row) => row.modelId).sort()).toEqual(["strong", "weak"]);
  });

  it("counts thumbs up and down per model from ordinary chats", async () => {
    const db = getDb();
    const conversation = await db.conversation.create({ data: { userId: ann.id, modelId: "strong" } });
    const rated: [string, number | null][] = [
      ["strong", 1],
      ["strong", 1],
      ["strong", -1],
      ["weak", -1],
      ["weak", null],
    ];
    for (const [modelId, feedback] of rated) {
      await db.message.create({ data: { conversationId: conversation.id, role: "assistant", parts: [], modelId, feedback } });
    }
    actAs(ann);
    const board = await leaderboard();
    expect(board.feedback).toEqual([
      { modelId: "strong", name: "Strong Model", up: 2, down: 1, upRate: 2 / 3 },
      { modelId: "weak", name: "Weak Model", up: 0, down: 1, upRate: 0 },
    ]);
  });

  it("keeps a vote whose conversation was deleted, and other conversations stay listed", async () => {
    const battle = await votedBattle(ann, "strong", "weak", "a");
    await createArenaBattle({ conversationId: randomUUID(), userId: ann.id, prompt: "q", title: "Arena: q", modelAId: "weak", modelBId: "other" });
    await getDb().conversation.delete({ where: { id: battle.conversationId ?? "" } });
    const plain = await getDb().conversation.create({ data: { userId: ann.id, modelId: "strong", title: "Plain chat" } });
    actAs(ann);
    expect((await leaderboard()).totalVotes).toBe(1);
    const list = (await (await getConversations(jsonRequest("/api/conversations", "GET"), undefined as never)).json()) as { conversations: { id: string }[] };
    // The plain chat only: the deleted battle's is gone and the unvoted battle's is hidden.
    expect(list.conversations.map((conversation) => conversation.id)).toEqual([plain.id]);
  });
});
