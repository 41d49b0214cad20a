import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { deletePreset, getPreset, updatePreset } from "@/lib/chat/presets";
import { presetParamsSchema, presetPatchSchema } from "../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const notFound = () => new ApiError("not_found", "This preset does not exist.");
// Anyone else's preset is a 404, and so is an id that cannot be one.
const byId = { auth: "user", params: presetParamsSchema, invalid: { params: notFound() } } as const;

/** One of the user's presets; anyone else's is a 404. */
export const GET = route(byId, async ({ user, params }) => {
  const preset = await getPreset(user, params.id);
  if (!preset) throw notFound();
  return apiJson(preset);
});

/** Changes the fields sent → the updated PresetView. */
export const PATCH = route({ ...byId, body: presetPatchSchema }, async ({ user, params, body }) => {
  const result = await updatePreset(user, params.id, body);
  if (!result.ok) throw result.status === 404 ? notFound() : new ApiError("bad_request", result.message);
  return apiJson(result.preset);
});

export const DELETE = route(byId, async ({ user, params }) => {
  if (!(await deletePreset(user, params.id))) throw notFound();
  return apiJson({ deleted: true });
});
