import { type ApiResult, apiResult } from "@/lib/api/client";
import type { ArenaBattleView, ArenaSide, ArenaVote } from "@/lib/arena/types";

const battlePath = (id: string) => `/api/arena/battles/${encodeURIComponent(id)}`;

export function startBattle(prompt: string): Promise<ApiResult<{ battle: ArenaBattleView }>> {
  return apiResult("/api/arena/battles", { method: "POST", body: { prompt } });
}

export function voteOnBattle(id: string, vote: ArenaVote): Promise<ApiResult<{ battle: ArenaBattleView }>> {
  return apiResult(`${battlePath(id)}/vote`, { method: "POST", body: { vote } });
}

/** Where answer A or B of a battle is followed (useAnswerStream). */
export const battleAnswerUrl = (id: string, side: ArenaSide) => `${battlePath(id)}/stream?side=${side}`;

export function stopBattle(id: string): Promise<ApiResult<{ stopped: boolean }>> {
  return apiResult(`${battlePath(id)}/stop`, { method: "POST" });
}
