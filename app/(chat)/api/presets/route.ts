import { apiError, apiJson } from "@/lib/api/responses";
import { withUser } from "@/lib/api/with-auth";
import { internalError } from "@/lib/chat/api-responses";
import { createPreset, listPresets } from "@/lib/chat/presets";
import { firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";
import { presetCreateSchema } from "./input";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The signed-in user's presets, by name → { presets: PresetView[] }. */
export const GET = withUser(async ({ user }) => {
  try {
    return apiJson({ presets: await listPresets(user) });
  } catch (error) {
    return internalError("GET /api/presets", error);
  }
});

/** A new preset → 201 PresetView; 400 for invalid fields or a model limit, 409 at the per-user limit. */
export const POST = withUser(async ({ request, user }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = presetCreateSchema.safeParse(body.value);
  if (!input.success) return apiError("bad_request", firstIssueMessage(input.error));
  try {
    const result = await createPreset(user, input.data);
    if (!result.ok) return apiError(result.status === 409 ? "conflict" : "bad_request", result.message);
    return apiJson(result.preset, { status: 201 });
  } catch (error) {
    return internalError("POST /api/presets", error);
  }
});
