import { ApiError } from "@/lib/api/errors";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { createApiKeyInputSchema } from "@/lib/api-keys/inputs";
import { mayUseApiKeys } from "@/lib/api-keys/policy";
import { createApiKey, listOwnApiKeys } from "@/lib/api-keys/service";
import { apiKeyView } from "@/lib/api-keys/view";
import { contextFromHeaders } from "@/lib/auth/request-context";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** { allowed, keys: ApiKeyView[] }: the signed-in user's keys (never their values). */
export const GET = route({ auth: "user" }, async ({ user }) => {
  const [allowed, keys] = await Promise.all([mayUseApiKeys(user), listOwnApiKeys(user)]);
  const now = new Date();
  return apiJson({ allowed, keys: keys.map((key) => apiKeyView(key, now)) });
});

/** Body { name, expiresInDays (null: never), saveToHistory } → 201 { key, apiKey }: `key` is shown this once. */
export const POST = route({ auth: "user", body: createApiKeyInputSchema }, async ({ request, user, body }) => {
  const result = await createApiKey(user, body, contextFromHeaders(request.headers));
  if (!result.ok) throw new ApiError(result.reason === "not_allowed" ? "forbidden" : "conflict", result.message);
  return apiJson({ key: result.key, apiKey: apiKeyView(result.summary) }, { status: 201 });
});
