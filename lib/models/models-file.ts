import { z } from "zod";
import { type ModelConfig, modelConfigSchema } from "@/lib/ai/model-config";
import { expandEnvReferences } from "./expand-env";
import { type ModelDefaults, modelDefaultsSchema } from "./model-defaults";
import { modelIdSchema } from "./model-id";
import { describeProblem, ModelsFileError, type ProblemLocation } from "./models-file-error";
import { readModelsDocument } from "./read-models-document";

export { ModelsFileError } from "./models-file-error";

/** One validated MODELS_FILE entry, with ${VAR} expanded and the connection's defaults applied. */
export interface ModelsFileEntry {
  id: string;
  name: string;
  config: ModelConfig;
  defaults: ModelDefaults;
  enabled: boolean;
  isDefault: boolean;
  demo: boolean;
}

// An entry's own fields; everything else in it is the connection, which modelConfigSchema checks.
const entryFieldsSchema = z.object({
  id: modelIdSchema,
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  enabled: z.boolean().default(true),
  default: z.boolean().default(false),
  demo: z.boolean().default(false),
  defaults: modelDefaultsSchema.default({}),
});
const ENTRY_FIELDS = new Set(Object.keys(entryFieldsSchema.shape));

const documentSchema = z.union([z.array(z.unknown()), z.object({ models: z.array(z.unknown()) }).strict()]);

const PROVIDERS = modelConfigSchema.options.map((option) => option.shape.provider.value);

// "Required" for a missing field instead of "Invalid input: expected string, received undefined".
const missingIsRequired: z.core.$ZodErrorMap = (issue) => (issue.input === undefined ? "Required" : undefined);

type Report = (location: ProblemLocation, message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function reportIssues(issues: z.core.$ZodIssue[], input: Record<string, unknown>, entry: ProblemLocation["entry"], report: Report) {
  for (const issue of issues) {
    const field = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) report({ entry, field: [...field, key] }, "unknown field");
    } else if (issue.code === "invalid_union" && field.join(".") === "provider") {
      report({ entry, field }, input.provider === undefined ? "Required" : `must be one of ${PROVIDERS.map((name) => JSON.stringify(name)).join(", ")}`);
    } else {
      report({ entry, field }, issue.message);
    }
  }
}

function parseEntry(raw: unknown, index: number, env: Record<string, string | undefined>, report: Report): ModelsFileEntry | null {
  if (!isRecord(raw)) {
    report({ entry: { index } }, "must be an object with id, name, provider and the provider's fields");
    return null;
  }
  const entry = { index, id: typeof raw.id === "string" ? raw.id : undefined };
  const expanded = expandEnvReferences(raw, env);
  for (const problem of expanded.problems) report({ entry, field: problem.path }, problem.message);
  // An unexpanded ${VAR} would only add confusing follow-up errors (e.g. "Invalid URL").
  if (expanded.problems.length) return null;

  const values = expanded.value as Record<string, unknown>;
  const own = Object.fromEntries(Object.entries(values).filter(([key]) => ENTRY_FIELDS.has(key)));
  const connection = Object.fromEntries(Object.entries(values).filter(([key]) => !ENTRY_FIELDS.has(key)));
  const fields = entryFieldsSchema.safeParse(own, { error: missingIsRequired });
  const config = modelConfigSchema.safeParse(connection, { error: missingIsRequired });
  if (!fields.success) reportIssues(fields.error.issues, own, entry, report);
  if (!config.success) reportIssues(config.error.issues, connection, entry, report);
  if (!fields.success || !config.success) return null;
  const { default: isDefault, ...rest } = fields.data;
  return { ...rest, isDefault, config: config.data };
}

/** Validates already-parsed MODELS_FILE content; `file` only names it in messages. */
export function parseModelsDocument(file: string, document: unknown, env: Record<string, string | undefined> = process.env): ModelsFileEntry[] {
  const shape = documentSchema.safeParse(document);
  if (!shape.success) {
    throw new ModelsFileError(file, [describeProblem(file, {}, "must be a list of models, or an object with only a `models` list")]);
  }
  const problems: string[] = [];
  const report: Report = (location, message) => problems.push(describeProblem(file, location, message));
  const entries: ModelsFileEntry[] = [];
  const seen = new Map<string, number>();
  let defaultEntry: { index: number; id: string } | undefined;

  (Array.isArray(shape.data) ? shape.data : shape.data.models).forEach((raw, position) => {
    const index = position + 1;
    const entry = parseEntry(raw, index, env, report);
    if (!entry) return;
    const location = { index, id: entry.id };
    const first = seen.get(entry.id);
    if (first !== undefined) report({ entry: location, field: ["id"] }, `duplicates entry ${first}: every id must be unique`);
    else seen.set(entry.id, index);
    if (entry.isDefault && !entry.enabled) report({ entry: location, field: ["default"] }, "a disabled model cannot be the default");
    if (entry.isDefault && defaultEntry) {
      report(
        { entry: location, field: ["default"] },
        `entry ${defaultEntry.index} (id ${JSON.stringify(defaultEntry.id)}) is already the default: at most one entry may be`,
      );
    } else if (entry.isDefault) {
      defaultEntry = location;
    }
    entries.push(entry);
  });

  if (problems.length) throw new ModelsFileError(file, problems);
  return entries;
}

/** Reads and validates a MODELS_FILE (YAML or JSON); throws ModelsFileError listing every problem. */
export async function loadModelsFile(file: string, env: Record<string, string | undefined> = process.env): Promise<ModelsFileEntry[]> {
  return parseModelsDocument(file, await readModelsDocument(file), env);
}
