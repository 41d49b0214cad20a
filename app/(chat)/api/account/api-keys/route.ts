import { createApiKeyInputSchema } from "@/lib/api-keys/inputs";
import { mayUseApiKeys } from "@/lib/api-keys/policy";
import { createApiKey, listOwnApiKeys } from "@/lib/api-keys/service";
import { apiKeyView } from "@/lib/api-keys/view";
import { parseJsonBody } from "@/lib/api/parse-body";
import { apiError, apiJson } from "@/lib/api/responses";
import { withUser } from "@/lib/api/with-auth";
import { contextFromHeaders } from "@/lib/auth/request-context";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** { allowed, keys: ApiKeyView[] }: the signed-in user's keys (never their values). */
export const GET = withUser(async ({ user }) => {
  const [allowed, keys] = await Promise.all([mayUseApiKeys(user), listOwnApiKeys(user)]);
  const now = new Date();
  return apiJson({ allowed, keys: keys.map((key) => apiKeyView(key, now)) });
});

/** Body { name, expiresInDays (null: never), saveToHistory } → 201 { key, apiKey }: `key` is shown this once. */
export const POST = withUser(async ({ request, user }) => {
  const input = await parseJsonBody(request, createApiKeyInputSchema);
  if ("error" in input) return input.error;
  const result = await createApiKey(user, input.data, contextFromHeaders(request.headers));
  if (!result.ok) return apiError(result.reason === "not_allowed" ? "forbidden" : "conflict", result.message);
  return apiJson({ key: result.key, apiKey: apiKeyView(result.summary) }, { status: 201 });
});
