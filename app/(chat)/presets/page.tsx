import type { Metadata } from "next";
import { PresetManager } from "@/components/presets/preset-manager";
import { requireUser } from "@/lib/auth/session";
import { listModelLimits } from "@/lib/chat/model-limits";
import { listPresets } from "@/lib/chat/presets";
import { listModelOptions } from "@/lib/models/chat-models";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Presets" };

/** The user's saved prompts: create, edit, delete, and start a chat from one. */
export default async function PresetsPage() {
  const user = await requireUser("/presets");
  const [presets, models] = await Promise.all([listPresets(user), listModelOptions(user)]);
  const modelLimits = await listModelLimits(user, models);
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-6 sm:px-6 sm:py-10">
      <PresetManager initialPresets={presets} models={modelLimits} />
    </div>
  );
}
