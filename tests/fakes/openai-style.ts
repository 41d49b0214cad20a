import type { Exchange } from "./fake-server";

/** Text of all messages of an OpenAI-style request, for the fakes' token counts. */
export function messagesText(json: unknown): string {
  const messages = (json as { messages?: Array<{ content?: unknown; text?: unknown }> } | undefined)?.messages ?? [];
  return messages.map((m) => (typeof m.content === "string" ? m.content : typeof m.text === "string" ? m.text : "")).join("\n");
}

export function bodyField<T>(json: unknown, key: string): T | undefined {
  return typeof json === "object" && json !== null ? ((json as Record<string, unknown>)[key] as T | undefined) : undefined;
}

/** Writes SSE data frames, with or without the space after `data:` (TGI/axum writes none). */
export class SseWriter {
  constructor(
    private readonly exchange: Exchange,
    private readonly space = true,
  ) {}

  data(value: unknown): boolean {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return this.exchange.write(`data:${this.space ? " " : ""}${text}\n\n`);
  }

  comment(): boolean {
    return this.exchange.write(":\n\n");
  }

  raw(text: string): boolean {
    return this.exchange.write(text);
  }
}

export const SAFE_FILTER = {
  hate: { filtered: false, severity: "safe" },
  self_harm: { filtered: false, severity: "safe" },
  sexual: { filtered: false, severity: "safe" },
  violence: { filtered: false, severity: "safe" },
};
