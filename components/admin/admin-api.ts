import { type ApiResult, apiResult } from "@/lib/api/client";

// The admin console's calls to its own API: the server's { error: { message } } becomes the message to show.

export function callAdminApi<T>(path: string, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", body?: unknown): Promise<ApiResult<T>> {
  return apiResult<T>(path, { method, body });
}
