import { POST as postCompletions } from "@/app/v1/chat/completions/route";
import { GET as getModel } from "@/app/v1/models/[id]/route";
import { GET as getModels } from "@/app/v1/models/route";

// The /v1 route handlers behind a fetch function, so real OpenAI clients (the official `openai` package,
// @ai-sdk/openai-compatible) can be pointed at the app in-process with their `fetch` option.

export const API_BASE_URL = "http://app.test/v1";

export async function appFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const { pathname } = new URL(request.url);
  if (pathname === "/v1/models" && request.method === "GET") return getModels(request);
  const modelId = /^\/v1\/models\/([^/]+)$/.exec(pathname)?.[1];
  if (modelId && request.method === "GET") return getModel(request, { params: Promise.resolve({ id: decodeURIComponent(modelId) }) });
  if (pathname === "/v1/chat/completions" && request.method === "POST") return postCompletions(request);
  return new Response(JSON.stringify({ error: { message: "no such route", type: "invalid_request_error", param: null, code: null } }), { status: 404 });
}
