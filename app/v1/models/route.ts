import { authenticateApiRequest } from "@/lib/openai-api/authenticate";
import { listModels } from "@/lib/openai-api/models";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** OpenAI-compatible model list; authenticated by a personal API key only (never the session cookie). */
export async function GET(request: Request): Promise<Response> {
  const auth = await authenticateApiRequest(request);
  if ("error" in auth) return auth.error.toResponse();
  return listModels(auth.caller);
}
