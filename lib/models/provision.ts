import "server-only";
import { syncModelsFromFile } from "@/lib/db/models";
import { getEnv } from "@/lib/env";
import { loadModelsFile } from "./models-file";

function listed(label: string, ids: string[]): string | null {
  return ids.length ? `${label} ${ids.join(", ")}` : null;
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
