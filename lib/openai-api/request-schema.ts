import { z } from "zod";
import { TEMPERATURE_MAX, TEMPERATURE_MIN } from "@/lib/chat/generation-limits";

// POST /v1/chat/completions as OpenAI documents it, limited to what every backend here can do: text messages and
// sampling settings. Fields the backends cannot honour (tools, images, audio, n > 1) are refused with a 400 that
// names them, rather than silently ignored; other fields a client may send (seed, penalties...) are ignored.

export const MAX_MESSAGES = 1_000;
export const MAX_CONTENT_CHARS = 1_000_000;

const textPart = z.object({ type: z.literal("text"), text: z.string().max(MAX_CONTENT_CHARS) });

const content = z.union([z.string().max(MAX_CONTENT_CHARS), z.array(z.unknown()).max(1_000)]);

const message = z.object({
  role: z.string(),
  content: content.nullable().optional(),
  name: z.string().max(256).optional(),
});

const stop = z
  .union([z.string().max(1_000), z.array(z.string().max(1_000)).max(4, "At most 4 stop sequences.")])
  .nullable()
  .optional();

export const chatCompletionRequestSchema = z.object({
  model: z.string({ error: "'model' is required." }).min(1, "'model' is required.").max(200),
  messages: z.array(message, { error: "'messages' must be an array of messages." }).min(1, "'messages' must not be empty.").max(MAX_MESSAGES),
  temperature: z.number().min(TEMPERATURE_MIN).max(TEMPERATURE_MAX).nullable().optional(),
  top_p: z.number().gt(0).max(1).nullable().optional(),
  max_tokens: z.number().int().min(1).nullable().optional(),
  max_completion_tokens: z.number().int().min(1).nullable().optional(),
  stop,
  stream: z.boolean().nullable().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
  user: z.string().max(256).optional(),
  n: z.number().int().nullable().optional(),
  tools: z.unknown().optional(),
  tool_choice: z.unknown().optional(),
  functions: z.unknown().optional(),
  function_call: z.unknown().optional(),
  audio: z.unknown().optional(),
  modalities: z.array(z.string()).nullable().optional(),
});

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

/** One turn after checking: system (and developer), user or assistant, as plain text. */
export interface TextTurn {
  role: "system" | "user" | "assistant";
  text: string;
}

export interface Refusal {
  message: string;
  param: string;
}

/** The path of a zod issue as OpenAI names parameters: messages[0].content. */
export function paramOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, segment) => (typeof segment === "number" ? `${name}[${segment}]` : name ? `${name}.${String(segment)}` : String(segment)),
    "",
  );
}

/** Features no backend here supports: refused by name. */
export function unsupportedFeature(request: ChatCompletionRequest): Refusal | null {
  if (request.n != null && request.n !== 1) return { message: "Only n=1 is supported: ask again for another answer.", param: "n" };
  if (request.tools !== undefined && !(Array.isArray(request.tools) && request.tools.length === 0)) {
    return { message: "Tools (function calling) are not supported by this API.", param: "tools" };
  }
  if (request.tool_choice !== undefined && request.tool_choice !== "none")
    return { message: "Tools (function calling) are not supported by this API.", param: "tool_choice" };
  if (request.functions !== undefined) return { message: "Function calling is not supported by this API.", param: "functions" };
  if (request.function_call !== undefined) return { message: "Function calling is not supported by this API.", param: "function_call" };
  if (request.audio !== undefined) return { message: "Audio is not supported by this API.", param: "audio" };
  if (request.modalities?.some((modality) => modality !== "text")) return { message: "Only text output is supported.", param: "modalities" };
  return null;
}

/** The messages as text turns, or the first one that cannot be (a tool message, an image, audio). */
export function textTurns(request: ChatCompletionRequest): { turns: TextTurn[] } | { refusal: Refusal } {
  const turns: TextTurn[] = [];
  for (const [index, item] of request.messages.entries()) {
    const param = `messages[${index}]`;
    const role = item.role === "developer" ? "system" : item.role;
    if (role === "tool" || role === "function") return { refusal: { message: "Tool messages are not supported by this API.", param: `${param}.role` } };
    if (role !== "system" && role !== "user" && role !== "assistant") {
      return { refusal: { message: `Unknown role '${item.role}': use system, user or assistant.`, param: `${param}.role` } };
    }
    const text = contentText(item.content, `${param}.content`);
    if ("refusal" in text) return text;
    turns.push({ role, text: text.text });
  }
  if (!turns.some((turn) => turn.role === "user")) return { refusal: { message: "At least one message must have the role 'user'.", param: "messages" } };
  return { turns };
}

function contentText(value: unknown, param: string): { text: string } | { refusal: Refusal } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  const texts: string[] = [];
  for (const [index, part] of (value as unknown[]).entries()) {
    const parsed = textPart.safeParse(part);
    if (parsed.success) {
      texts.push(parsed.data.text);
      continue;
    }
    const type = typeof part === "object" && part !== null && "type" in part ? String((part as { type: unknown }).type) : "unknown";
    if (type === "image_url" || type === "image") return { refusal: { message: "Images are not supported by this API.", param: `${param}[${index}]` } };
    if (type === "input_audio" || type === "audio") return { refusal: { message: "Audio is not supported by this API.", param: `${param}[${index}]` } };
    if (type === "file") return { refusal: { message: "Files are not supported by this API.", param: `${param}[${index}]` } };
    return { refusal: { message: "Each content part must be {type: 'text', text: string}.", param: `${param}[${index}]` } };
  }
  return { text: texts.join("") };
}
