import "server-only";
import { randomUUID } from "node:crypto";
import type { UIMessageChunk } from "ai";
import { ApiError } from "@/lib/api/errors";
import { startCompareRun } from "@/lib/chat/compare";
import { resumeStream } from "@/lib/chat/resume";
import type { ChatUser, SendOptions } from "@/lib/chat/send-message";
import { stopGeneration } from "@/lib/chat/stop";
import {
  type ArenaBattleRow,
  createArenaBattle,
  deleteArenaBattle,
  findArenaAnswerId,
  findModelNames,
  getArenaBattleForUser,
  recordArenaVote,
} from "@/lib/db/arena-battles";
import { getArenaEnabled } from "@/lib/db/arena-settings";
import { listModelOptions } from "@/lib/models/chat-models";
import { blindStream } from "./blind-stream";
import { pickTwo } from "./pick-models";
import type { ArenaBattleView, ArenaSide, ArenaVote } from "./types";

const TITLE_PROMPT_CHARS = 60;

/** Every Arena call refuses while an admin has the Arena off. */
async function refuseWhenOff(): Promise<void> {
  if (!(await getArenaEnabled())) throw new ApiError("forbidden", "The arena is turned off. An administrator can turn it on.");
}

async function ownBattle(user: ChatUser, id: string): Promise<ArenaBattleRow> {
  const battle = await getArenaBattleForUser({ userId: user.id, id });
  if (!battle) throw new ApiError("not_found", "This battle does not exist.");
  return battle;
}

/** The battle for its owner: the model names only once it was voted on. */
async function viewOf(battle: ArenaBattleRow): Promise<ArenaBattleView> {
  const vote = battle.vote as ArenaVote | null;
  let models: ArenaBattleView["models"] = null;
  if (vote) {
    const names = await findModelNames([battle.modelAId, battle.modelBId]);
    models = {
      a: { id: battle.modelAId, name: names.get(battle.modelAId) ?? battle.modelAId },
      b: { id: battle.modelBId, name: names.get(battle.modelBId) ?? battle.modelBId },
    };
  }
  return { id: battle.id, prompt: battle.prompt, createdAt: battle.createdAt.toISOString(), vote, models };
}

/**
 * POST /api/arena/battles: two models drawn at random from those the user may use, kept server-side as A and B,
 * and the prompt sent to both as a Compare run in a conversation no list shows until the vote. Quotas, the busy and
 * shutdown refusals are Compare's; a run that cannot start leaves nothing behind.
 */
export async function startArenaBattle(user: ChatUser, prompt: string, options: SendOptions = {}): Promise<ArenaBattleView> {
  await refuseWhenOff();
  const models = await listModelOptions(user);
  const pair = pickTwo(models.map((model) => model.id));
  if (!pair) throw new ApiError("conflict", "The arena needs at least two models you may use.");
  const [modelAId, modelBId] = pair;
  const conversationId = randomUUID();
  const title = `Arena: ${prompt.slice(0, TITLE_PROMPT_CHARS)}${prompt.length > TITLE_PROMPT_CHARS ? "…" : ""}`;
  const battle = await createArenaBattle({ conversationId, userId: user.id, prompt, title, modelAId, modelBId });
  try {
    await startCompareRun(user, { conversationId, prompt, modelIds: [modelAId, modelBId] }, options);
  } catch (error) {
    await deleteArenaBattle({ id: battle.id, conversationId });
    throw error;
  }
  return viewOf(battle);
}

/** GET /api/arena/battles/[id]: the user's own battle (404 for anyone else's). */
export async function getArenaBattle(user: ChatUser, id: string): Promise<ArenaBattleView> {
  await refuseWhenOff();
  return viewOf(await ownBattle(user, id));
}

/**
 * GET /api/arena/battles/[id]/stream?side=: one answer of the user's battle, live or replayed, through blindStream
 * (never the model's id or the answer's message id); null (204) when another instance writes it unrelayed.
 */
export async function arenaAnswerStream(user: ChatUser, id: string, side: ArenaSide): Promise<ReadableStream<UIMessageChunk> | null> {
  await refuseWhenOff();
  const battle = await ownBattle(user, id);
  const modelId = side === "a" ? battle.modelAId : battle.modelBId;
  const messageId = battle.conversationId ? await findArenaAnswerId({ conversationId: battle.conversationId, modelId }) : null;
  if (!battle.conversationId || !messageId) throw new ApiError("not_found", "This answer does not exist any more.");
  const stream = await resumeStream(user.id, battle.conversationId, messageId);
  return stream ? blindStream(stream) : null;
}

/** POST /api/arena/battles/[id]/vote: once per battle, by its owner; answers with the names revealed. */
export async function voteOnArenaBattle(user: ChatUser, id: string, vote: ArenaVote): Promise<ArenaBattleView> {
  await refuseWhenOff();
  const battle = await ownBattle(user, id);
  if (battle.vote || !(await recordArenaVote({ userId: user.id, id, vote, at: new Date() }))) {
    throw new ApiError("conflict", "You already voted on this battle.");
  }
  return viewOf(await ownBattle(user, id));
}

/** POST /api/arena/battles/[id]/stop: stops both answers (kept as "stopped"). Also while the arena is off: it only saves work. */
export async function stopArenaBattle(user: ChatUser, id: string): Promise<{ stopped: boolean }> {
  const battle = await ownBattle(user, id);
  if (!battle.conversationId) return { stopped: false };
  return stopGeneration(user.id, battle.conversationId);
}
