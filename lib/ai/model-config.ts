import { z } from "zod";
import { boundarySchema, privacyPolicyOverrideSchema } from "@/lib/privacy/policy-schema";
import { endpointProblem } from "./endpoint-policy";
import { TOKENIZER_KINDS } from "./tokens/tokenizer-kind";

const positiveMs = z.number().int().positive();

export const timeoutsSchema = z
  .object({
    connectMs: positiveMs.optional().describe("Until the backend answers with an HTTP status"),
    firstTokenMs: positiveMs.optional().describe("From the HTTP status until the first token"),
    idleMs: positiveMs.optional().describe("Longest gap between tokens"),
    overloadedRetryMs: z
      .array(z.number().int().min(0).max(60_000))
      .max(5)
      .optional()
      .describe("Wait before each retry when the backend says it is overloaded (before the first token only)"),
  })
  .strict();

const common = {
  endpoint: z.url({ protocol: /^https?$/ }).superRefine((endpoint, ctx) => {
    // zod runs this even when the URL check above failed: that problem is reported once, by the URL check.
    if (!/^https?:\/\//i.test(endpoint) || !URL.canParse(endpoint)) return;
    const problem = endpointProblem(endpoint);
    if (problem) ctx.addIssue({ code: "custom", message: `The endpoint ${problem}.` });
  }),
  apiKey: z.string().min(1).optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  timeouts: timeoutsSchema.optional(),
  /** How the prompt is counted to fit the context window; default per provider (lib/ai/tokens/tokenizer-kind.ts). */
  tokenizer: z.enum(TOKENIZER_KINDS).optional(),
  /** Where the model runs; unset: by provider (lib/privacy/policy.ts defaultBoundaryForProvider). */
  boundary: boundarySchema.optional(),
  /** This model's changes to its boundary's privacy policy. */
  privacy: privacyPolicyOverrideSchema.optional(),
};

/** false: the model's chat template has no system role; the system prompt is put in front of the first question. */
function systemRole() {
  return z.boolean().optional().describe("Whether the model's chat template takes a system message (default true)");
}

const apiVersion = z.string().regex(/^(v1|\d{4}-\d{2}-\d{2}(-preview)?)$/, 'expected "v1" or a dated version like "2024-10-21"');

export const azureOpenAIConfigSchema = z
  .object({
    provider: z.literal("azure-openai"),
    ...common,
    deployment: z.string().min(1),
    apiVersion: apiVersion.default("2024-10-21"),
    auth: z.enum(["api-key", "entra"]).default("api-key"),
    /** Entra only: a service principal when all three are set, else DefaultAzureCredential. */
    tenantId: z.string().min(1).optional(),
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    tokenScope: z.string().min(1).optional(),
    includeUsage: z.boolean().optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.auth === "api-key" && !config.apiKey) {
      ctx.addIssue({ code: "custom", path: ["apiKey"], message: 'apiKey is required when auth is "api-key"' });
    }
    if (config.auth === "entra" && config.apiKey) {
      ctx.addIssue({ code: "custom", path: ["apiKey"], message: 'apiKey must not be set when auth is "entra"' });
    }
  });

export const tgiConfigSchema = z
  .object({
    provider: z.literal("tgi"),
    ...common,
    model: z.string().min(1).default("tgi"),
    promptFormat: z.literal("llama2").default("llama2"),
  })
  .strict();

export const openAICompatibleConfigSchema = z
  .object({
    provider: z.literal("openai-compatible"),
    ...common,
    model: z.string().min(1).optional(),
    includeUsage: z.boolean().optional(),
    systemRole: systemRole(),
  })
  .strict();

export const ollamaConfigSchema = z
  .object({
    provider: z.literal("ollama"),
    ...common,
    model: z.string().min(1),
    keepAlive: z.string().min(1).optional(),
    systemRole: systemRole(),
  })
  .strict();

export const ai21ConfigSchema = z
  .object({
    provider: z.literal("ai21"),
    ...common,
    endpoint: common.endpoint.default("https://api.ai21.com/studio/v1"),
    api: z.enum(["complete", "chat", "jamba"]),
    model: z.string().min(1),
  })
  .strict();

/** One model connection. A MODELS_FILE loader can parse each entry with this (and add its own id/label fields). */
export const modelConfigSchema = z.discriminatedUnion("provider", [
  azureOpenAIConfigSchema,
  tgiConfigSchema,
  openAICompatibleConfigSchema,
  ollamaConfigSchema,
  ai21ConfigSchema,
]);

/** What a config file or admin form may contain (defaults not applied yet). */
export type ModelConfigInput = z.input<typeof modelConfigSchema>;
/** After validation, with defaults applied. */
export type ModelConfig = z.output<typeof modelConfigSchema>;
export type ModelProvider = ModelConfig["provider"];
