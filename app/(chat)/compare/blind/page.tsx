import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArenaView } from "@/components/arena/arena-view";
import { requireUser } from "@/lib/auth/session";
import { getArenaEnabled } from "@/lib/db/arena-settings";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Blind battle" };

/** Compare's blind mode (the Arena): no model list on this page, so no name is in it before the vote. */
export default async function BlindComparePage() {
  await requireUser("/compare/blind");
  if (!(await getArenaEnabled())) notFound();
  return <ArenaView />;
}
