import "server-only";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import type { BackendTransport } from "./backend-transport";
import { type ModelConfig, type ModelConfigInput, modelConfigSchema } from "./model-config";
import { createJ2ChatModel } from "./providers/ai21-j2-chat";
import { createJ2CompleteModel } from "./providers/ai21-j2-complete";
import { createJambaModel } from "./providers/ai21-jamba";
import type { Ai21Settings } from "./providers/ai21-shared";
import { createEntraTokenGetter } from "./providers/azure-entra";
import { type AzureTokenGetter, createAzureOpenAIModel } from "./providers/azure-openai";
import type { RetryListener } from "./providers/chat-model";
import { createOllamaModel } from "./providers/ollama";
import { createOpenAICompatibleModel } from "./providers/openai-compatible";
import { createTgiModel } from "./providers/tgi";
import { resolveTimeouts } from "./providers/timeouts";

export interface LanguageModelDeps {
  /** Entra token source for auth "entra"; defaults to @azure/identity with the config's credentials. */
  getAzureToken?: AzureTokenGetter;
  transport?: BackendTransport;
  /** Told of each retry before the first token (an overloaded backend, a prompt trimmed to fit). */
  onRetry?: RetryListener;
}

/** Validates a model config (throws a ZodError naming the bad field) and builds its AI SDK language model. */
export function createLanguageModel(input: ModelConfigInput, deps: LanguageModelDeps = {}): LanguageModelV4 {
  const config: ModelConfig = modelConfigSchema.parse(input);
  const timeouts = resolveTimeouts(config.timeouts);
  const common = { timeouts, maxOutputTokens: config.maxOutputTokens, transport: deps.transport, onRetry: deps.onRetry };
  switch (config.provider) {
    case "azure-openai":
      return createAzureOpenAIModel({
        ...common,
        endpoint: config.endpoint,
        deployment: config.deployment,
        apiVersion: config.apiVersion,
        includeUsage: config.includeUsage,
        auth:
          config.auth === "entra"
            ? {
                type: "entra",
                getToken:
                  deps.getAzureToken ??
                  createEntraTokenGetter({
                    tenantId: config.tenantId,
                    clientId: config.clientId,
                    clientSecret: config.clientSecret,
                    scope: config.tokenScope,
                  }),
              }
            : // The schema requires apiKey for this auth mode.
              { type: "api-key", apiKey: config.apiKey ?? "" },
      });
    case "tgi":
      return createTgiModel({ ...common, endpoint: config.endpoint, model: config.model, apiKey: config.apiKey });
    case "openai-compatible":
      return createOpenAICompatibleModel({
        ...common,
        endpoint: config.endpoint,
        model: config.model,
        apiKey: config.apiKey,
        includeUsage: config.includeUsage,
        systemRole: config.systemRole,
      });
    case "ollama":
      return createOllamaModel({
        ...common,
        endpoint: config.endpoint,
        model: config.model,
        apiKey: config.apiKey,
        keepAlive: config.keepAlive,
        systemRole: config.systemRole,
      });
    case "ai21": {
      const settings: Ai21Settings = { ...common, endpoint: config.endpoint, model: config.model, apiKey: config.apiKey };
      if (config.api === "complete") return createJ2CompleteModel(settings);
      if (config.api === "chat") return createJ2ChatModel(settings);
      return createJambaModel(settings);
    }
  }
}
