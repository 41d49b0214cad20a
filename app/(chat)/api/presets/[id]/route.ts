import { apiError, apiJson } from "@/lib/api/responses";
import { withUser } from "@/lib/api/with-auth";
import { internalError } from "@/lib/chat/api-responses";
import { deletePreset, getPreset, updatePreset } from "@/lib/chat/presets";
import { firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";
import { presetIdSchema, presetPatchSchema } from "../input";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

const notFound = () => apiError("not_found", "This preset does not exist.");

/** One of the user's presets; anyone else's is a 404. */
export const GET = withUser<Context>(async ({ user, context }) => {
  const id = presetIdSchema.safeParse((await context.params).id);
  if (!id.success) return notFound();
  try {
    const preset = await getPreset(user, id.data);
    return preset ? apiJson(preset) : notFound();
  } catch (error) {
    return internalError("GET /api/presets/[id]", error);
  }
});

/** Changes the fields sent → the updated PresetView. */
export const PATCH = withUser<Context>(async ({ request, user, context }) => {
  const id = presetIdSchema.safeParse((await context.params).id);
  if (!id.success) return notFound();
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = presetPatchSchema.safeParse(body.value);
  if (!input.success) return apiError("bad_request", firstIssueMessage(input.error));
  try {
    const result = await updatePreset(user, id.data, input.data);
    if (!result.ok) return result.status === 404 ? notFound() : apiError("bad_request", result.message);
    return apiJson(result.preset);
  } catch (error) {
    return internalError("PATCH /api/presets/[id]", error);
  }
});

export const DELETE = withUser<Context>(async ({ user, context }) => {
  const id = presetIdSchema.safeParse((await context.params).id);
  if (!id.success) return notFound();
  try {
    return (await deletePreset(user, id.data)) ? apiJson({ deleted: true }) : notFound();
  } catch (error) {
    return internalError("DELETE /api/presets/[id]", error);
  }
});
