import { createHash } from "node:crypto";
import { type BackendTransport, backendTransport, bodyText } from "../backend-transport";
import type { ModelConfig } from "../model-config";

/** Where and how a backend counts tokens with the model's own tokenizer. */
export interface TokenizeTarget {
  url: string;
  /** TGI: `{"inputs"}` → `[{id,text,…}]`; llama.cpp: `{"content"}` → `{"tokens":[…]}`; vLLM: `{"prompt","model"}` → `{"count","tokens"}`. */
  style: "tgi" | "openai-compatible";
  model?: string;
  apiKey?: string;
}

/** The backend's /tokenize, or null when its protocol has none (Azure, Ollama, AI21). */
export function tokenizeTargetFor(config: ModelConfig): TokenizeTarget | null {
  const base = config.endpoint.replace(/\/+$/, "");
  if (config.provider === "tgi") return { url: `${base}/tokenize`, style: "tgi", apiKey: config.apiKey };
  // llama.cpp and vLLM serve /tokenize at the root, beside /v1; TGI's Messages API likewise.
  if (config.provider === "openai-compatible")
    return { url: `${base.replace(/\/v1$/, "")}/tokenize`, style: "openai-compatible", model: config.model, apiKey: config.apiKey };
  return null;
}

const TOKENIZE_TIMEOUT_MS = 3_000;
const CACHE_LIMIT = 5_000;
/** Counts already asked for, by server and text: a conversation's older turns are counted once, not per message. */
const cache = new Map<string, number>();

/** Tokens of `text` by the server's tokenizer (no BOS); throws when the server does not answer with a count. */
export async function serverTokenCount(target: TokenizeTarget, text: string, transport: BackendTransport = backendTransport()): Promise<number> {
  if (text === "") return 0;
  const key = `${target.url}\u0000${target.model ?? ""}\u0000${createHash("sha256").update(text).digest("base64")}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    // Refresh its place: the map's order is the eviction order.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const body =
    target.style === "tgi"
      ? { inputs: text, parameters: { add_special_tokens: false } }
      : { content: text, add_special: false, prompt: text, add_special_tokens: false, ...(target.model ? { model: target.model } : {}) };
  // The backend's own transport: its addresses are checked after DNS as for the chat call itself.
  const response = await transport({
    url: target.url,
    headers: { "content-type": "application/json", ...(target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TOKENIZE_TIMEOUT_MS),
  });
  const answer = await bodyText(response.body);
  if (response.status < 200 || response.status >= 300) throw new Error(`POST ${target.url} answered HTTP ${response.status}`);
  const count = countFrom(JSON.parse(answer));
  if (count === undefined) throw new Error(`POST ${target.url} answered without tokens`);
  cache.set(key, count);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value ?? "");
  return count;
}

function countFrom(json: unknown): number | undefined {
  if (Array.isArray(json)) return json.length;
  if (typeof json !== "object" || json === null) return undefined;
  const record = json as Record<string, unknown>;
  if (typeof record.count === "number") return record.count;
  return Array.isArray(record.tokens) ? record.tokens.length : undefined;
}
