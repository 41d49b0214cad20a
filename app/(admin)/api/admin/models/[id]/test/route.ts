import { auditRequest } from "@/lib/api/audit";
import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { getModelForTest } from "@/lib/models/chat-models";
import { testModelConnection } from "@/lib/models/test-model";
import { MODEL_NOT_FOUND, modelParamsSchema } from "../../schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const maxDuration = 30;

/**
 * Sends "Say hello in five words." to the model (enabled or not, file-managed too: a test changes nothing) and
 * answers { ok, text, latencyMs, error }. A failing backend is a 200 with ok: false and the admin's error text.
 */
export const POST = route(
  { auth: "admin", params: modelParamsSchema, invalid: { params: new ApiError("not_found", MODEL_NOT_FOUND) } },
  async ({ request, user, params: { id } }) => {
    const model = await getModelForTest(id);
    if (!model) throw new ApiError("not_found", MODEL_NOT_FOUND);
    const result = await testModelConnection(model.config);
    await auditRequest(request, { action: "model.tested", actorId: user.id, target: id, details: { ok: result.ok, latencyMs: result.latencyMs } });
    return apiJson(result);
  },
);
