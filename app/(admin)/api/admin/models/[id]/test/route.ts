import { apiError, apiJson } from "@/lib/api/responses";
import { auditRequest } from "@/lib/api/audit";
import { withAdmin } from "@/lib/api/with-auth";
import { getModelForTest } from "@/lib/db/admin-models";
import { testModelConnection } from "@/lib/models/test-model";
import { type ModelRouteContext, modelIdFrom } from "../params";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const maxDuration = 30;

/**
 * Sends "Say hello in five words." to the model (enabled or not, file-managed too: a test changes nothing) and
 * answers { ok, text, latencyMs, error }. A failing backend is a 200 with ok: false and the admin's error text.
 */
export const POST = withAdmin<ModelRouteContext>(async ({ request, user, context }) => {
  const id = await modelIdFrom(context);
  const model = id && (await getModelForTest(id));
  if (!id || !model) return apiError("not_found", "This model does not exist.");
  const result = await testModelConnection(model.config);
  await auditRequest(request, { action: "model.tested", actorId: user.id, target: id, details: { ok: result.ok, latencyMs: result.latencyMs } });
  return apiJson(result);
});
