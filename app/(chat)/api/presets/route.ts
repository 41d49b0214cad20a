import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { createPreset, listPresets } from "@/lib/chat/presets";
import { presetCreateSchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The signed-in user's presets, by name → { presets: PresetView[] }. */
export const GET = route({ auth: "user" }, async ({ user }) => apiJson({ presets: await listPresets(user) }));

/** A new preset → 201 PresetView; 400 for invalid fields or a model limit, 409 at the per-user limit. */
export const POST = route({ auth: "user", body: presetCreateSchema }, async ({ user, body }) => {
  const result = await createPreset(user, body);
  if (!result.ok) throw new ApiError(result.status === 409 ? "conflict" : "bad_request", result.message);
  return apiJson(result.preset, { status: 201 });
});
