import type { Metadata } from "next";
import { CompareView } from "@/components/compare/compare-view";
import { requireUser } from "@/lib/auth/session";
import { getArenaEnabled } from "@/lib/db/arena-settings";
import { listModelOptions } from "@/lib/models/chat-models";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Compare models" };

/** One prompt to two or three models side by side; each run is stored as a conversation. */
export default async function ComparePage() {
  const user = await requireUser("/compare");
  const [models, arenaEnabled] = await Promise.all([listModelOptions(user), getArenaEnabled()]);
  return <CompareView models={models} arenaEnabled={arenaEnabled} />;
}
