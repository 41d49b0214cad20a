import { type Exchange, FakeServer, fakeTokenCount, type RecordedRequest } from "./fake-server";
import { bodyField, messagesText, SAFE_FILTER, SseWriter } from "./openai-style";
import { playTokens } from "./play-tokens";

const MODEL_VERSION = "gpt-4o-2024-08-06";
// stream_options arrived with 2024-09-01-preview; older versions refuse it.
const FIRST_VERSION_WITH_STREAM_OPTIONS = "2024-09-01";

/**
 * Azure OpenAI chat completions, dated (`/openai/deployments/{d}/chat/completions?api-version=`) and v1
 * (`/openai/v1/chat/completions`, deployment in `model`), with Azure's quirks: the empty-choices prompt-filter chunk
 * first, content_filter_results on chunks, usage chunk with `choices: []`, string error codes, retry-after(-ms).
 */
export class FakeAzureOpenAI extends FakeServer {
  apiKey = "fake-azure-key";
  /** Entra access tokens accepted as `Authorization: Bearer …`. */
  bearerTokens = ["fake-entra-token"];
  deployments = ["gpt-4o"];
  retryAfterSeconds = 6;

  constructor() {
    super("azure-openai", "Ahoy! The parrot needs fresh fruit, a big cage and daily company.");
  }

  protected async handle(ex: Exchange): Promise<void> {
    const { request, scenario } = ex;
    const route = this.route(request);
    if (!route) return ex.json(404, { error: { code: "404", message: "Resource not found" } });
    if (scenario === "unauthorized" || !this.authorized(request, route.v1)) {
      return ex.json(401, {
        error: {
          code: "401",
          message:
            "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.",
        },
      });
    }
    if (scenario === "not-found" || !route.deployment || !this.deployments.includes(route.deployment)) {
      return ex.json(404, {
        error: {
          code: "DeploymentNotFound",
          message:
            "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.",
        },
      });
    }
    if (scenario === "rate-limit") {
      return ex.json(
        429,
        {
          error: {
            code: "429",
            message: `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version ${route.apiVersion ?? "v1"} have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after ${this.retryAfterSeconds} seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`,
          },
        },
        { "retry-after": String(this.retryAfterSeconds), "retry-after-ms": String(this.retryAfterSeconds * 1000), "x-ms-region": "Sweden Central" },
      );
    }
    if (scenario === "prompt-filter") return ex.json(400, promptFilteredBody());
    if (scenario === "bad-request") {
      return ex.json(400, {
        error: {
          message: "This model's maximum context length is 128000 tokens.",
          type: "invalid_request_error",
          param: "messages",
          code: "context_length_exceeded",
        },
      });
    }
    if (scenario === "server-error") {
      return ex.json(500, {
        error: {
          message:
            "The server had an error while processing your request. Sorry about that! You can retry your request, or contact us through an Azure support request at: https://go.microsoft.com/fwlink/?linkid=2213926 if the error persists. (Please include the request ID 6d6321f8-e4aa-4a77-9aa0-67868802d7ca in your message.)",
          type: "server_error",
          param: null,
          code: null,
        },
      });
    }
    const json = request.json;
    const streamOptions = bodyField<{ include_usage?: boolean }>(json, "stream_options");
    if (streamOptions && route.apiVersion && route.apiVersion < FIRST_VERSION_WITH_STREAM_OPTIONS) {
      return ex.json(400, {
        error: { message: "Unrecognized request argument supplied: stream_options", type: "invalid_request_error", param: null, code: null },
      });
    }
    const usage = { prompt_tokens: fakeTokenCount(messagesText(json)), completion_tokens: ex.tokens.length, total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    if (bodyField<boolean>(json, "stream") !== true) return ex.json(200, completionBody(this.reply, usage));
    await this.stream(ex, streamOptions?.include_usage === true, usage);
  }

  private async stream(ex: Exchange, includeUsage: boolean, usage: Record<string, number>): Promise<void> {
    const asyncFilter = ex.scenario === "async-filter";
    const sse = new SseWriter(ex);
    const id = `chatcmpl-fake${this.requestCount}`;
    const created = Math.floor(Date.now() / 1000);
    const chunk = (choice: Record<string, unknown>) => ({
      choices: [{ index: 0, logprobs: null, ...choice }],
      created,
      id,
      model: MODEL_VERSION,
      object: "chat.completion.chunk",
      system_fingerprint: "fp_5154047bf2",
      ...(includeUsage ? { usage: null } : {}),
    });
    ex.startStream("text/event-stream", { "apim-request-id": "00000000-0000-0000-0000-000000000000", "x-ms-region": "Sweden Central" });
    const promptKey = asyncFilter ? "prompt_annotations" : "prompt_filter_results";
    sse.data({
      choices: [],
      created: 0,
      id: "",
      model: "",
      object: "",
      [promptKey]: [{ prompt_index: 0, content_filter_results: { ...SAFE_FILTER, jailbreak: { filtered: false, detected: false } } }],
    });
    sse.data(chunk({ content_filter_results: {}, delta: { content: "", refusal: null, role: "assistant" }, finish_reason: null }));
    const outcome = await playTokens(ex, (token) => {
      sse.data(
        chunk(
          asyncFilter
            ? { delta: { content: token }, finish_reason: null }
            : { content_filter_results: SAFE_FILTER, delta: { content: token }, finish_reason: null },
        ),
      );
    });
    if (outcome === "gone") return;
    if (outcome === "trouble") {
      if (ex.scenario === "stall") return ex.stall();
      if (ex.scenario === "reset") return ex.reset();
      if (ex.scenario === "mid-stream-error") {
        sse.data({ error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null } });
        return ex.end();
      }
      // content-filter: the output was blocked; the status stays 200.
      sse.data({
        id: "",
        object: "",
        created: 0,
        model: "",
        choices: [
          {
            index: 0,
            finish_reason: "content_filter",
            content_filter_results: { protected_material_text: { detected: true, filtered: true } },
            content_filter_offsets: { check_offset: 0, start_offset: 0, end_offset: 40 },
          },
        ],
        usage: null,
      });
      sse.data("[DONE]");
      return ex.end();
    }
    sse.data(chunk({ content_filter_results: {}, delta: {}, finish_reason: "stop" }));
    if (asyncFilter) {
      // Annotation chunk with no delta, after the finish chunk: it has crashed several clients.
      sse.data({
        choices: [
          {
            index: 0,
            finish_reason: null,
            content_filter_results: SAFE_FILTER,
            content_filter_offsets: { check_offset: 0, start_offset: 0, end_offset: this.reply.length },
          },
        ],
        created: 0,
        id: "",
        model: "",
        object: "",
      });
    }
    if (includeUsage) sse.data({ id, object: "chat.completion.chunk", created, model: MODEL_VERSION, choices: [], usage });
    sse.data("[DONE]");
    ex.end();
  }

  private route(request: RecordedRequest): { v1: boolean; deployment: string | undefined; apiVersion: string | undefined } | undefined {
    if (request.method !== "POST") return undefined;
    const dated = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(request.path);
    if (dated?.[1]) {
      const apiVersion = request.query.get("api-version");
      if (!apiVersion) return undefined;
      return { v1: false, deployment: decodeURIComponent(dated[1]), apiVersion };
    }
    if (request.path === "/openai/v1/chat/completions") return { v1: true, deployment: bodyField<string>(request.json, "model"), apiVersion: undefined };
    return undefined;
  }

  private authorized(request: RecordedRequest, v1: boolean): boolean {
    if (request.headers["api-key"] === this.apiKey) return true;
    const auth = request.headers.authorization ?? "";
    const accepted = v1 ? [...this.bearerTokens, this.apiKey] : this.bearerTokens;
    return accepted.some((token) => auth === `Bearer ${token}`);
  }
}

function promptFilteredBody() {
  return {
    error: {
      message:
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
      type: null,
      param: "prompt",
      code: "content_filter",
      status: 400,
      innererror: {
        code: "ResponsibleAIPolicyViolation",
        content_filter_result: { ...SAFE_FILTER, jailbreak: { filtered: true, detected: true } },
      },
    },
  };
}

function completionBody(reply: string, usage: Record<string, number>) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: MODEL_VERSION,
    system_fingerprint: "fp_abc123",
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: { ...SAFE_FILTER, jailbreak: { filtered: false, detected: false } } }],
    choices: [
      {
        index: 0,
        finish_reason: "stop",
        logprobs: null,
        message: { role: "assistant", content: reply, refusal: null },
        content_filter_results: SAFE_FILTER,
      },
    ],
    usage,
  };
}
