import { type Exchange, FakeServer, fakeTokenCount } from "./fake-server";
import { bodyField, messagesText, SseWriter } from "./openai-style";
import { playTokens } from "./play-tokens";

const J2_MODELS = ["j2-light", "j2-mid", "j2-ultra"];
// Only j2-ultra has a chat path in AI21's spec.
const J2_CHAT_MODELS = ["j2-ultra"];
const JAMBA_MODELS = ["jamba-mini", "jamba-large"];

/**
 * AI21 Studio under /studio/v1: J2 complete (`/{model}/complete`) and J2 chat (`/{model}/chat`), both non-streaming,
 * and Jamba chat completions (`/chat/completions`, `data: ` lines only, role delta first, usage on the last chunk).
 * Errors are FastAPI-style `{"detail": …}`.
 */
export class FakeAi21 extends FakeServer {
  apiKey: string | undefined = "fake-ai21-key";

  constructor() {
    super("ai21", "Consider market data vendors, public filings and transaction datasets.");
  }

  protected async handle(ex: Exchange): Promise<void> {
    const { path, method, headers } = ex.request;
    const match = /^\/studio\/v1\/(?:([^/]+)\/(complete|chat)|chat\/completions)$/.exec(path);
    if (method !== "POST" || !match) return ex.json(404, { detail: "Not Found" });
    if (ex.scenario === "unauthorized" || (this.apiKey && headers.authorization !== `Bearer ${this.apiKey}`)) {
      return ex.json(401, { detail: "Forbidden: Bad or missing API token." });
    }
    if (ex.scenario === "rate-limit") return ex.json(429, { detail: "Too many requests" });
    if (ex.scenario === "server-error") return ex.json(500, { detail: "Internal server error" });
    const [, model, kind] = match;
    if (kind === "complete") return this.complete(ex, model ?? "");
    if (kind === "chat") return this.j2Chat(ex, model ?? "");
    return this.jamba(ex);
  }

  private async complete(ex: Exchange, model: string): Promise<void> {
    if (ex.scenario === "not-found" || !J2_MODELS.includes(model)) return ex.json(404, { detail: "Not Found" });
    const prompt = bodyField<string>(ex.request.json, "prompt");
    if (ex.scenario === "bad-request" || typeof prompt !== "string") return validationError(ex, ["body", "prompt"]);
    if (!(await this.slowStart(ex))) return;
    const pieces = (text: string) =>
      (text.match(/\s*\S+/g) ?? []).map((token, i) => ({
        generatedToken: { token: token.replace(/ /g, "▁"), logprob: -0.1, raw_logprob: -0.1 },
        topTokens: null,
        textRange: { start: i, end: i + token.length },
      }));
    ex.json(200, {
      id: "7921a78e-d905-c9df-27e3-88e4831e3c3b",
      prompt: { text: prompt, tokens: pieces(prompt) },
      completions: [{ data: { text: ` ${this.reply}`, tokens: pieces(this.reply) }, finishReason: { reason: "endoftext" } }],
    });
  }

  private async j2Chat(ex: Exchange, model: string): Promise<void> {
    if (ex.scenario === "not-found" || !J2_CHAT_MODELS.includes(model)) return ex.json(404, { detail: "Not Found" });
    const json = ex.request.json;
    if (ex.scenario === "bad-request" || typeof bodyField(json, "system") !== "string") return validationError(ex, ["body", "system"]);
    const messages = bodyField<Array<Record<string, unknown>>>(json, "messages");
    if (!Array.isArray(messages) || messages.some((m) => typeof m.text !== "string" || (m.role !== "user" && m.role !== "assistant"))) {
      return validationError(ex, ["body", "messages"]);
    }
    if (!(await this.slowStart(ex))) return;
    ex.json(200, {
      id: "5b0ae5a3-9d36-4a6b-8a0e-3d2d4f0b1c7e",
      outputs: [{ text: this.reply, role: "assistant", finishReason: { reason: "endoftext" } }],
    });
  }

  private async jamba(ex: Exchange): Promise<void> {
    const json = ex.request.json;
    const model = bodyField<string>(json, "model") ?? "";
    if (ex.scenario === "not-found" || !JAMBA_MODELS.includes(model)) return ex.json(404, { detail: `Model ${model} not found` });
    if (ex.scenario === "bad-request" || !Array.isArray(bodyField(json, "messages"))) return validationError(ex, ["body", "messages"]);
    const usage = { prompt_tokens: fakeTokenCount(messagesText(json)), completion_tokens: ex.tokens.length, total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    const id = `chat-fake${this.requestCount}`;
    if (bodyField<boolean>(json, "stream") !== true) {
      return ex.json(200, {
        id,
        model,
        choices: [{ index: 0, message: { role: "assistant", content: this.reply, tool_calls: null }, logprobs: null, finish_reason: "stop" }],
        usage,
      });
    }
    const sse = new SseWriter(ex);
    const chunk = (delta: Record<string, unknown>, finish: string | null, last = false) => ({
      id,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      usage: last ? usage : null,
    });
    ex.startStream("text/event-stream");
    sse.data(chunk({ role: "assistant" }, null));
    const tokens = ex.tokens;
    const outcome = await playTokens(ex, (content, index) => {
      const last = index === tokens.length - 1;
      sse.data(chunk({ content }, last ? "stop" : null, last));
    });
    if (outcome === "gone") return;
    if (outcome === "trouble") {
      if (ex.scenario === "stall") return ex.stall();
      if (ex.scenario === "reset") return ex.reset();
      sse.data({ error: { message: "Internal server error", type: "server_error" } });
      return ex.end();
    }
    sse.data("[DONE]");
    ex.end();
  }

  /** Non-streaming J2: "slow-first-token" delays the whole answer. */
  private async slowStart(ex: Exchange): Promise<boolean> {
    if (ex.scenario === "slow-first-token") return ex.sleep(ex.timings.slowFirstTokenMs);
    if (ex.scenario === "stall" || ex.scenario === "reset" || ex.scenario === "mid-stream-error") {
      await ex.reset();
      return false;
    }
    return true;
  }
}

function validationError(ex: Exchange, loc: string[]): void {
  ex.json(422, { detail: [{ loc, msg: "field required", type: "value_error.missing" }] });
}
