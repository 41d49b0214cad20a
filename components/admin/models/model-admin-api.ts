import type { ModelTestResult } from "@/lib/models/test-model";

// The admin console's calls to /api/admin/models: each resolves, or throws an Error with the server's message.

async function send<T>(url: string, method: string, body: unknown, fallback: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error("The server could not be reached. Check your connection and try again.");
  }
  const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(payload?.error?.message ?? fallback);
  return payload as T;
}

const modelUrl = (id: string) => `/api/admin/models/${encodeURIComponent(id)}`;

export function createModelRequest(body: Record<string, unknown>) {
  return send("/api/admin/models", "POST", body, "The model could not be added.");
}

export function updateModelRequest(id: string, body: Record<string, unknown>) {
  return send(modelUrl(id), "PATCH", body, "The model could not be saved.");
}

export function deleteModelRequest(id: string) {
  return send(modelUrl(id), "DELETE", undefined, "The model could not be deleted.");
}

export function moveModelRequest(id: string, direction: "up" | "down") {
  return send(`${modelUrl(id)}/move`, "POST", { direction }, "The model could not be moved.");
}

export function testModelRequest(id: string): Promise<ModelTestResult> {
  return send<ModelTestResult>(`${modelUrl(id)}/test`, "POST", undefined, "The test could not be run.");
}
