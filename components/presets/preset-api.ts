import { type ApiResult, apiResult } from "@/lib/api/client";
import type { PresetView } from "@/lib/chat/preset-view";

export type PresetPayload = Omit<PresetView, "id" | "updatedAt">;

export function savePreset(id: string | null, payload: PresetPayload): Promise<ApiResult<PresetView>> {
  const fallback = "The preset could not be saved. Please try again.";
  return id
    ? apiResult(`/api/presets/${encodeURIComponent(id)}`, { method: "PATCH", body: payload, fallback })
    : apiResult("/api/presets", { method: "POST", body: payload, fallback });
}

export function removePreset(id: string): Promise<ApiResult<{ deleted: true }>> {
  return apiResult(`/api/presets/${encodeURIComponent(id)}`, { method: "DELETE", fallback: "The preset could not be deleted. Please try again." });
}
