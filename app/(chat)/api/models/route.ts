import { apiError, apiJson } from "@/lib/api/responses";
import { getCurrentUser } from "@/lib/auth/session";
import { internalError } from "@/lib/chat/api-responses";
import { listModelOptions } from "@/lib/db/models";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The models this user may chat with, as ModelOption[] (nothing secret: no endpoint, key or system prompt). */
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return apiError("unauthorized", "Sign in to continue.");
  return listModelOptions(user).then((models) => apiJson(models), (error: unknown) => internalError("GET /api/models", error));
}
