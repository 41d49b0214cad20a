import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { countAdmissionRefusal, observeHttpRequest } from "@/lib/server/metrics";

// GET /api/metrics: Prometheus text only with the bearer token.

vi.stubEnv("METRICS_TOKEN", "unit-test-metrics-token-0123456789");

const scrape = (authorization?: string) => GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

describe("GET /api/metrics", () => {
  it("refuses a missing or wrong token", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong-token-wrong-token")).status).toBe(401);
    expect((await scrape("unit-test-metrics-token-0123456789")).status).toBe(401);
  });

  it("serves the registry in Prometheus text format with the token", async () => {
    observeHttpRequest("/api/chat", "POST", 200, 0.12);
    countAdmissionRefusal("instance_busy");
    const response = await scrape("Bearer unit-test-metrics-token-0123456789");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain('chat_http_requests_total{route="/api/chat",method="POST",status="200"} 1');
    expect(text).toContain('chat_admission_refusals_total{reason="instance_busy"} 1');
    expect(text).toContain("chat_answers_in_progress 0");
  });
});
