import { authenticateApiRequest } from "@/lib/openai-api/authenticate";
import { createChatCompletion } from "@/lib/openai-api/chat-completions";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** OpenAI-compatible chat completions, streaming or not; authenticated by a personal API key only. */
export async function POST(request: Request): Promise<Response> {
  const auth = await authenticateApiRequest(request);
  if ("error" in auth) return auth.error.toResponse();
  return createChatCompletion(request, auth.caller);
}
