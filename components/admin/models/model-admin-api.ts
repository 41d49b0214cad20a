import { apiFetch } from "@/lib/api/client";
import type { ModelTestResult } from "@/lib/models/test-model";

// The admin console's calls to /api/admin/models: each resolves, or throws an ApiError with the server's message.

const modelUrl = (id: string) => `/api/admin/models/${encodeURIComponent(id)}`;

export function createModelRequest(body: Record<string, unknown>) {
  return apiFetch("/api/admin/models", { method: "POST", body, fallback: "The model could not be added." });
}

export function updateModelRequest(id: string, body: Record<string, unknown>) {
  return apiFetch(modelUrl(id), { method: "PATCH", body, fallback: "The model could not be saved." });
}

export function deleteModelRequest(id: string) {
  return apiFetch(modelUrl(id), { method: "DELETE", fallback: "The model could not be deleted." });
}

export function moveModelRequest(id: string, direction: "up" | "down") {
  return apiFetch(`${modelUrl(id)}/move`, { method: "POST", body: { direction }, fallback: "The model could not be moved." });
}

export function testModelRequest(id: string): Promise<ModelTestResult> {
  return apiFetch<ModelTestResult>(`${modelUrl(id)}/test`, { method: "POST", fallback: "The test could not be run." });
}
