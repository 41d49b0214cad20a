import { type Exchange, FakeServer, fakeTokenCount } from "./fake-server";
import { bodyField, messagesText } from "./openai-style";
import { playTokens } from "./play-tokens";

/**
 * Ollama `/api/chat`: NDJSON (`application/x-ndjson`), streaming by default, final line `done: true` with
 * `done_reason` and nanosecond metrics, errors as `{"error":"…"}` (also mid-stream, with status 200). A full queue
 * is 503 "server busy" (server/sched.go ErrMaxQueue), never 429; a thinking model streams `message.thinking` chunks
 * with empty `content` before the answer.
 */
export class FakeOllama extends FakeServer {
  models = ["llama2:7b-chat"];
  /** Real Ollama omits prompt_eval_count when the prompt was cached. */
  omitPromptEvalCount = false;
  /** A thinking model: this many `message.thinking` chunks (empty content) before the answer. */
  thinkingChunks = 0;

  override reset(): void {
    super.reset();
    this.omitPromptEvalCount = false;
    this.thinkingChunks = 0;
  }

  constructor() {
    super("ollama", "The sky is blue because of Rayleigh scattering of sunlight.");
  }

  protected async handle(ex: Exchange): Promise<void> {
    const { path, method } = ex.request;
    if (method === "GET" && path === "/api/tags") return ex.json(200, { models: this.models.map((name) => ({ name, model: name })) });
    if (method === "GET" && path === "/") {
      ex.res.end("Ollama is running");
      return;
    }
    if (method !== "POST" || path !== "/api/chat") return ex.empty(404);
    const { scenario, request } = ex;
    const model = bodyField<string>(request.json, "model") ?? "";
    if (scenario === "unauthorized") return ex.json(401, { error: "unauthorized" });
    if (scenario === "not-found" || !this.models.includes(model)) return ex.json(404, { error: `model '${model}' not found` });
    if (scenario === "rate-limit") return ex.json(503, { error: "server busy, please try again.  maximum pending requests exceeded" });
    if (scenario === "bad-request") return ex.json(400, { error: "invalid options" });
    if (scenario === "server-error") return ex.json(500, { error: "llama runner process has terminated: exit status 2" });

    const line = (value: Record<string, unknown>) => ex.write(`${JSON.stringify({ model, created_at: new Date().toISOString(), ...value })}\n`);
    const final = {
      done: true,
      done_reason: "stop",
      total_duration: 4_883_583_458,
      load_duration: 1_334_875,
      ...(this.omitPromptEvalCount ? {} : { prompt_eval_count: fakeTokenCount(messagesText(request.json)), prompt_eval_duration: 342_546_000 }),
      eval_count: ex.tokens.length,
      eval_duration: 4_535_599_000,
    };
    if (bodyField<boolean>(request.json, "stream") === false) {
      return ex.json(200, { model, created_at: new Date().toISOString(), message: { role: "assistant", content: this.reply }, ...final });
    }
    ex.startStream("application/x-ndjson");
    for (let i = 0; i < this.thinkingChunks; i++) {
      if (!(await ex.sleep(ex.timings.tokenDelayMs))) return;
      line({ message: { role: "assistant", content: "", thinking: ` thought ${i + 1}` }, done: false });
    }
    const outcome = await playTokens(ex, (content) => line({ message: { role: "assistant", content }, done: false }));
    if (outcome === "gone") return;
    if (outcome === "trouble") {
      if (scenario === "stall") return ex.stall();
      if (scenario === "reset") return ex.reset();
      ex.write(`${JSON.stringify({ error: "an error was encountered while running the model" })}\n`);
      return ex.end();
    }
    line({ message: { role: "assistant", content: "" }, ...final });
    ex.end();
  }
}
