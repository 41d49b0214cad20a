import "server-only";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { LlmError } from "@/lib/ai/errors";
import type { StreamObservation } from "@/lib/chat/generation-outcome";
import { allActiveGenerations } from "@/lib/chat/generation-registry";
import type { AssistantOutcome } from "@/lib/db/messages";

// Prometheus metrics of this instance, served at GET /api/metrics (METRICS_TOKEN). Labels are bounded: routes are
// patterns (never raw paths), models are admin-configured ids, error kinds are LlmError codes.

function createMetrics() {
  const registry = new Registry();
  return {
    registry,
    httpRequests: new Counter({
      name: "chat_http_requests_total",
      help: "HTTP requests answered, by route pattern, method and status",
      labelNames: ["route", "method", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "chat_http_request_duration_seconds",
      help: "Time to the response headers (a streamed answer counts until its stream starts)",
      labelNames: ["route", "method"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    answersInProgress: new Gauge({
      name: "chat_answers_in_progress",
      help: "Answers being written by this instance",
      registers: [registry],
      collect() {
        this.set(allActiveGenerations().length);
      },
    }),
    answers: new Counter({
      name: "chat_answers_total",
      help: "Answers ended, by model and stored status (complete, stopped, error, interrupted)",
      labelNames: ["model", "status"] as const,
      registers: [registry],
    }),
    timeToFirstToken: new Histogram({
      name: "chat_answer_time_to_first_token_seconds",
      help: "From the request to the first token of the answer, by model",
      labelNames: ["model"] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
      registers: [registry],
    }),
    outputTokens: new Histogram({
      name: "chat_answer_output_tokens",
      help: "Tokens per answer (reported by the backend or estimated), by model",
      labelNames: ["model"] as const,
      buckets: [16, 64, 128, 256, 512, 1024, 2048, 4096, 8192],
      registers: [registry],
    }),
    tokensPerSecond: new Histogram({
      name: "chat_answer_output_tokens_per_second",
      help: "Output tokens per second after the first token, by model",
      labelNames: ["model"] as const,
      buckets: [1, 5, 10, 20, 40, 80, 160, 320],
      registers: [registry],
    }),
    backendErrors: new Counter({
      name: "chat_backend_errors_total",
      help: "Answers that failed at the model backend, by model and kind (timeout, rate_limited, unauthorized, ...)",
      labelNames: ["model", "kind"] as const,
      registers: [registry],
    }),
    admissionRefusals: new Counter({
      name: "chat_admission_refusals_total",
      help: "Answers refused before they started because the instance or the user was at a limit, by reason",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    dbQueryDuration: new Histogram({
      name: "chat_db_query_duration_seconds",
      help: "Database query time as Prisma measures it",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    defaultsStarted: false,
  };
}

type Metrics = ReturnType<typeof createMetrics>;

// One registry per process, even when Next bundles this module into several chunks.
const globalForMetrics = globalThis as unknown as { chatMetrics?: Metrics };

function metrics(): Metrics {
  globalForMetrics.chatMetrics ??= createMetrics();
  return globalForMetrics.chatMetrics;
}

/** At start: Node's process metrics, including event-loop lag (nodejs_eventloop_lag_seconds and its percentiles). */
export function startMetrics(): void {
  const current = metrics();
  if (current.defaultsStarted) return;
  current.defaultsStarted = true;
  collectDefaultMetrics({ register: current.registry, eventLoopMonitoringPrecision: 20 });
}

export function observeHttpRequest(route: string, method: string, status: number, seconds: number): void {
  const current = metrics();
  current.httpRequests.inc({ route, method, status: String(status) });
  current.httpDuration.observe({ route, method }, seconds);
}

/** Once per answer, when it is stored: its status, time to first token, tokens and backend error kind. */
export function recordAnswer(modelId: string, observation: StreamObservation, outcome: AssistantOutcome): void {
  const current = metrics();
  current.answers.inc({ model: modelId, status: outcome.status });
  if (observation.firstTokenAt !== undefined) {
    current.timeToFirstToken.observe({ model: modelId }, (observation.firstTokenAt - observation.startedAt) / 1000);
    const outputTokens = outcome.usage?.outputTokens;
    if (outputTokens !== undefined) {
      current.outputTokens.observe({ model: modelId }, outputTokens);
      const streamingSeconds = (observation.endedAt - observation.firstTokenAt) / 1000;
      if (streamingSeconds > 0 && outputTokens > 1) current.tokensPerSecond.observe({ model: modelId }, outputTokens / streamingSeconds);
    }
  }
  if (outcome.status === "error") {
    const kind = LlmError.isInstance(observation.error) ? observation.error.code : "other";
    current.backendErrors.inc({ model: modelId, kind });
  }
}

/**
 * Counts an answer refused before it started (admission control at MAX_CONCURRENT_ANSWERS, a quota, a shutdown).
 * `reason` must come from a fixed set (e.g. "instance_busy", "quota", "shutting_down"): it becomes a label.
 */
export function countAdmissionRefusal(reason: string): void {
  metrics().admissionRefusals.inc({ reason });
}

export function observeDbQuery(milliseconds: number): void {
  metrics().dbQueryDuration.observe(milliseconds / 1000);
}

export async function metricsText(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
