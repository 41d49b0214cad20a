import "server-only";
import { disableModels, listModelSyncState } from "@/lib/db/models";
import { getEnv } from "@/lib/env";
import { loadModelsFile, type ModelsFileEntry } from "./models-file";
import { saveModel } from "./save-model";

function listed(label: string, ids: string[]): string | null {
  return ids.length ? `${label} ${ids.join(", ")}` : null;
}

/**
 * Makes the database match MODELS_FILE: its entries are saved as file-managed (a database model with the same id
 * is taken over), in file order. A file-managed model no longer in the file is disabled, not deleted, because
 * conversations and usage records refer to it.
 */
export async function syncModelsFromFile(entries: ModelsFileEntry[]): Promise<{ created: string[]; updated: string[]; disabled: string[] }> {
  const existing = await listModelSyncState();
  const existingIds = new Set(existing.map((row) => row.id));
  const created: string[] = [];
  const updated: string[] = [];
  for (const [sortOrder, entry] of entries.entries()) {
    await saveModel({ ...entry, sortOrder, managedByFile: true });
    (existingIds.has(entry.id) ? updated : created).push(entry.id);
  }
  const inFile = new Set(entries.map((entry) => entry.id));
  const disabled = existing.filter((row) => row.managedByFile && row.enabled && !inFile.has(row.id)).map((row) => row.id);
  await disableModels(disabled);
  return { created, updated, disabled };
}

/**
 * Loads MODELS_FILE, when set, into the database; returns one line for the start-up log. A bad file throws
 * ModelsFileError (every problem named), so the server does not start with a half-read catalogue.
 */
export async function provisionModelsFromFile(): Promise<string> {
  const file = getEnv().MODELS_FILE;
  if (!file) return "[models] MODELS_FILE not set: models are managed in the database only";
  const entries = await loadModelsFile(file, process.env);
  const { created, updated, disabled } = await syncModelsFromFile(entries);
  const changes = [listed("created", created), listed("updated", updated), listed("disabled (no longer in the file)", disabled)].filter(Boolean);
  return `[models] ${entries.length} from ${file}${changes.length ? `: ${changes.join("; ")}` : ""}`;
}
