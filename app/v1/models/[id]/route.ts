import { authenticateApiRequest } from "@/lib/openai-api/authenticate";
import { retrieveModel } from "@/lib/openai-api/models";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await authenticateApiRequest(request);
  if ("error" in auth) return auth.error.toResponse();
  return retrieveModel(auth.caller, (await context.params).id);
}
