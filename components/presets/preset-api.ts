import { responseError } from "@/components/chat/settings/settings-values";
import type { PresetView } from "@/lib/chat/preset-view";

export type PresetPayload = Omit<PresetView, "id" | "updatedAt">;

const OFFLINE = "The server cannot be reached. Check your connection and try again.";

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

async function call<T>(url: string, init: RequestInit, fallback: string): Promise<Result<T>> {
  try {
    const response = await fetch(url, { ...init, headers: { "content-type": "application/json" } });
    if (!response.ok) return { ok: false, message: await responseError(response, fallback) };
    return { ok: true, value: (await response.json()) as T };
  } catch {
    return { ok: false, message: OFFLINE };
  }
}

export function savePreset(id: string | null, payload: PresetPayload): Promise<Result<PresetView>> {
  return id
    ? call(`/api/presets/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(payload) }, "The preset could not be saved. Please try again.")
    : call("/api/presets", { method: "POST", body: JSON.stringify(payload) }, "The preset could not be saved. Please try again.");
}

export function removePreset(id: string): Promise<Result<{ deleted: true }>> {
  return call(`/api/presets/${encodeURIComponent(id)}`, { method: "DELETE" }, "The preset could not be deleted. Please try again.");
}
