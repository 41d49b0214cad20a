import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postCancel } from "@/app/(admin)/api/admin/evals/runs/[id]/cancel/route";
import { GET as getExport } from "@/app/(admin)/api/admin/evals/runs/[id]/export/route";
import { GET as getResults } from "@/app/(admin)/api/admin/evals/runs/[id]/results/route";
import { GET as getProgress } from "@/app/(admin)/api/admin/evals/runs/[id]/route";
import { GET as listRuns, POST as postRun } from "@/app/(admin)/api/admin/evals/runs/route";
import { DELETE as deleteSet, GET as getSet } from "@/app/(admin)/api/admin/evals/sets/[id]/route";
import { POST as postPreview } from "@/app/(admin)/api/admin/evals/sets/preview/route";
import { GET as listSets, POST as postSet } from "@/app/(admin)/api/admin/evals/sets/route";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { createEvalRun } from "@/lib/db/evals-runs";
import { provisionEvalSets } from "@/lib/evals/provision";
import { resumeEvalRuns } from "@/lib/evals/resume";
import { evalRunSettled } from "@/lib/evals/runner";
import type { ModelSummary } from "@/lib/evals/summary";
import { saveModel } from "@/lib/models/save-model";
import { FakeOpenAICompatible, type RecordedRequest } from "@/tests/fakes/index";

import { useTestDatabase } from "../support/database";
import { newUser, type TestUser } from "../support/signed-in-user";

// Evaluation runs end to end: upload through the admin routes, a run over three fake models that behave
// deterministically (right on 80 % of the items, always wrong, failing on 10 %), progress, results and export; the
// cost cap, cancel, and a run left running by a killed process resumed at start.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));

const database = useTestDatabase();
// llama.cpp serves whatever model name is asked for, so one fake plays three models, told apart by that name.
const fake = new FakeOpenAICompatible("llama.cpp");
const TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000 };
const ITEMS = 20;
let admin: TestUser;

/**
 * Item n (1-based, two digits so every prompt has the same length) asks for n + n; tags alternate en / fr. The
 * prefix tells one test's requests from a late one of the test before (an aborted call the fake records late).
 */
const setFileFor = (prefix: "Q" | "R") =>
  Array.from({ length: ITEMS }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    return JSON.stringify({ input: `${prefix}${n}: what is ${n} + ${n}?`, target: String(2 * (i + 1)), tags: [i % 2 === 0 ? "en" : "fr"] });
  }).join("\n");
const setFile = setFileFor("Q");

function itemNumber(request: RecordedRequest): number {
  return Number(/[QR](\d\d):/.exec(request.body)?.[1]);
}

/** right-80 answers wrong on items 5, 10, 15, 20; always-wrong never right; flaky-10 fails with a 500 on 10 and 20. */
function script(request: RecordedRequest) {
  const model = (request.json as { model?: string }).model;
  const n = itemNumber(request);
  const right = { reply: `The answer is ${2 * n}` };
  if (model === "right-80") return n % 5 === 0 ? { reply: "The answer is 7" } : right;
  if (model === "always-wrong") return { reply: "I think it is 3" };
  if (model === "flaky-10") return n % 10 === 0 ? { scenario: "server-error" as const } : right;
  return undefined;
}

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.close();
  vi.unstubAllEnvs();
});
beforeEach(async () => {
  await database.reset();
  fake.reset();
  fake.script = script;
  admin = await newUser("admin@example.com");
  await getDb().user.update({ where: { id: admin.id }, data: { role: "admin" } });
  vi.mocked(getCurrentUser).mockResolvedValue({ id: admin.id, email: admin.email, name: null, image: null, role: "admin", sessionId: "s" });
  for (const id of ["right-80", "always-wrong", "flaky-10"]) {
    await saveModel({
      id,
      name: `Model ${id}`,
      config: { provider: "openai-compatible", endpoint: `${fake.url}/v1`, model: id, timeouts: { ...TIMEOUTS, overloadedRetryMs: [] } },
      inputPricePerMTok: 1_000,
      outputPricePerMTok: 0,
    });
  }
});

const base = "http://localhost/api/admin/evals";
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const text = (url: string, body: string) => new Request(url, { method: "POST", body }) as never;
const json = (url: string, body: unknown) => new Request(url, { method: "POST", body: JSON.stringify(body) }) as never;
const get = (url: string) => new Request(url) as never;

async function uploadSet(file = setFile): Promise<string> {
  const response = await postSet(text(`${base}/sets?name=Arithmetic&grader=number&fileName=set.jsonl`, file), undefined as never);
  expect(response.status).toBe(201);
  return ((await response.json()) as { set: { id: string } }).set.id;
}

async function startRun(body: Record<string, unknown>): Promise<string> {
  const response = await postRun(json(`${base}/runs`, body), undefined as never);
  expect(response.status, await response.clone().text()).toBe(202);
  return ((await response.json()) as { run: { id: string } }).run.id;
}

async function results(runId: string) {
  const response = await getResults(get(`${base}/runs/${runId}/results`), params(runId));
  expect(response.status).toBe(200);
  return (await response.json()) as { run: { status: string; stopReason: string | null; costUsd: number; costCapUsd: number | null }; summary: ModelSummary[] };
}

describe("access", () => {
  it("answers 401 without a session and 403 to a non-admin on every evaluation route, and changes nothing", async () => {
    const setId = await uploadSet();
    const member = await newUser("member@example.com");
    const calls = () => [
      postPreview(text(`${base}/sets/preview`, setFile), undefined as never),
      postSet(text(`${base}/sets?name=Sneaky`, setFile), undefined as never),
      listSets(get(`${base}/sets`), undefined as never),
      getSet(get(`${base}/sets/${setId}`), params(setId)),
      deleteSet(new Request(`${base}/sets/${setId}`, { method: "DELETE" }) as never, params(setId)),
      listRuns(get(`${base}/runs`), undefined as never),
      postRun(json(`${base}/runs`, { setId, modelIds: ["right-80", "always-wrong"] }), undefined as never),
      getProgress(get(`${base}/runs/x`), params("x")),
      postCancel(new Request(`${base}/runs/x/cancel`, { method: "POST" }) as never, params("x")),
      getResults(get(`${base}/runs/x/results`), params("x")),
      getExport(get(`${base}/runs/x/export`), params("x")),
    ];
    vi.mocked(getCurrentUser).mockResolvedValue({ id: member.id, email: member.email, name: null, image: null, role: "user", sessionId: "s" });
    expect((await Promise.all(calls())).map((response) => response.status)).toEqual(Array(11).fill(403));
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    expect((await Promise.all(calls())).map((response) => response.status)).toEqual(Array(11).fill(401));
    expect(await getDb().evalSet.count()).toBe(1);
    expect(await getDb().evalRun.count()).toBe(0);
  });
});

describe("evaluators", () => {
  it("lets members of a group allowed to run evaluations use them, with their own models, quota and usage", async () => {
    const setId = await uploadSet();
    const evaluator = await newUser("evaluator@example.com");
    const group = await getDb().group.create({ data: { name: "ML team", evaluator: true } });
    await getDb().groupMember.create({ data: { groupId: group.id, userId: evaluator.id } });
    await saveModel({
      id: "restricted",
      name: "Restricted",
      config: { provider: "openai-compatible", endpoint: `${fake.url}/v1`, model: "restricted", timeouts: TIMEOUTS },
    });
    const other = await getDb().group.create({ data: { name: "Finance" } });
    await getDb().modelAccess.create({ data: { modelId: "restricted", groupId: other.id } });
    vi.mocked(getCurrentUser).mockResolvedValue({ id: evaluator.id, email: evaluator.email, name: null, image: null, role: "user", sessionId: "s" });

    expect((await listSets(get(`${base}/sets`), undefined as never)).status).toBe(200);
    expect((await deleteSet(new Request(`${base}/sets/${setId}`, { method: "DELETE" }) as never, params(setId))).status).toBe(403);
    const refused = await postRun(json(`${base}/runs`, { setId, modelIds: ["right-80", "restricted"] }), undefined as never);
    expect(await refused.json()).toEqual({ error: { code: "bad_request", message: 'The model "restricted" is not available.' } });
    const runId = await startRun({ setId, modelIds: ["right-80", "always-wrong"], sampleSize: 4 });
    await evalRunSettled(runId);
    expect((await results(runId)).run.status).toBe("completed");
    expect(await getDb().usageRecord.count({ where: { evalRunId: runId, userId: evaluator.id } })).toBe(8);

    // Taken out of the group: refused on the next request.
    await getDb().group.update({ where: { id: group.id }, data: { evaluator: false } });
    expect((await listSets(get(`${base}/sets`), undefined as never)).status).toBe(403);
  });
});

describe("upload", () => {
  it("previews a good file without saving it, and refuses a bad one naming the line", async () => {
    const preview = await postPreview(text(`${base}/sets/preview?grader=number&fileName=set.jsonl`, setFile), undefined as never);
    expect(await preview.json()).toMatchObject({ ok: true, format: "bbh", itemCount: ITEMS, tags: ["en", "fr"] });
    expect(await getDb().evalSet.count()).toBe(0);

    const bad = `${setFile.split("\n").slice(0, 3).join("\n")}\n{"input": "Q99: no target"}\n`;
    const badPreview = (await (await postPreview(text(`${base}/sets/preview?grader=number`, bad), undefined as never)).json()) as Record<string, unknown>;
    expect(badPreview).toMatchObject({ ok: false, problems: [{ line: 4, message: 'missing field "target"' }] });
    const refused = await postSet(text(`${base}/sets?name=Bad&grader=number`, bad), undefined as never);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: { code: "bad_request", message: 'Line 4: missing field "target"' } });
    expect(await getDb().evalSet.count()).toBe(0);
    expect(await getDb().evalItem.count()).toBe(0);
  });

  it("refuses expected answers the grader cannot use", async () => {
    const preview = await postPreview(text(`${base}/sets/preview?grader=number`, '{"input": "Q01: x", "target": "none"}'), undefined as never);
    expect(await preview.json()).toMatchObject({ ok: false, problems: [{ line: 1, message: "expected answer has no number" }] });
  });
});

describe("EVAL_SETS_DIR", () => {
  it("loads the example set once, named after its file", async () => {
    expect(await provisionEvalSets("examples/evals")).toBe("[evals] examples/evals: loaded company-basics (30 items)");
    expect(await provisionEvalSets("examples/evals")).toBe("[evals] examples/evals: nothing new");
    const set = await getDb().evalSet.findFirstOrThrow({ where: { name: "company-basics" } });
    expect(set).toMatchObject({ itemCount: 30, format: "openai-evals", grader: "exact", createdById: null });
    expect(await getDb().evalItem.count({ where: { setId: set.id, grader: "json" } })).toBe(6);
  });
});

describe("a run over three deterministic models", () => {
  it("reports exactly their accuracies and error counts, per tag, with usage marked as evaluation", async () => {
    const setId = await uploadSet();
    const runId = await startRun({ setId, modelIds: ["right-80", "always-wrong", "flaky-10"], concurrency: 3 });
    await evalRunSettled(runId);

    const progress = (await (await getProgress(get(`${base}/runs/${runId}`), params(runId))).json()) as { run: { status: string }; progress: unknown[] };
    expect(progress.run.status).toBe("completed");
    expect(progress.progress).toEqual([
      { modelId: "right-80", total: ITEMS, done: ITEMS, errors: 0, skipped: 0, etaSeconds: null },
      { modelId: "always-wrong", total: ITEMS, done: ITEMS, errors: 0, skipped: 0, etaSeconds: null },
      { modelId: "flaky-10", total: ITEMS, done: ITEMS, errors: 2, skipped: 0, etaSeconds: null },
    ]);

    const { summary } = await results(runId);
    const byModel = Object.fromEntries(summary.map((model) => [model.modelId, model]));
    expect(byModel["right-80"]).toMatchObject({ graded: 20, correct: 16, accuracy: 0.8, errors: 0 });
    expect(byModel["always-wrong"]).toMatchObject({ graded: 20, correct: 0, accuracy: 0, errors: 0 });
    expect(byModel["flaky-10"]).toMatchObject({ graded: 18, correct: 18, accuracy: 1, errors: 2 });
    expect(byModel["right-80"]?.low).toBeCloseTo(0.584, 2);
    expect(byModel["right-80"]?.high).toBeCloseTo(0.919, 2);
    // Items 5 and 15 are "en" (odd), 10 and 20 "fr": right-80 misses two of each ten.
    expect(byModel["right-80"]?.byTag).toMatchObject({ en: { graded: 10, correct: 8 }, fr: { graded: 10, correct: 8 } });
    expect(byModel["right-80"]?.costPerItemUsd).toBeGreaterThan(0);
    expect(byModel["right-80"]?.totalP95).not.toBeNull();

    const usage = await getDb().usageRecord.findMany({ where: { evalRunId: runId } });
    expect(usage).toHaveLength(3 * ITEMS - 2);
    expect(usage.every((row) => row.userId === admin.id)).toBe(true);

    const csv = await getExport(get(`${base}/runs/${runId}/export?format=csv`), params(runId));
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("item,prompt,expected,tags,model,verdict,answer,reason,ttft_ms,total_ms,input_tokens,output_tokens,cost_usd");
    expect(lines).toHaveLength(1 + 3 * ITEMS);
    expect(lines.filter((line) => line.includes(",Model flaky-10,error,"))).toHaveLength(2);
  });

  it("stops at the cost cap before the next items would pass it", async () => {
    const setId = await uploadSet();
    // Every prompt has the same length, so every answer costs the same: measure one.
    const probe = await startRun({ setId, modelIds: ["right-80", "always-wrong"], sampleSize: 1 });
    await evalRunSettled(probe);
    const perItem = (await results(probe)).run.costUsd / 2;
    expect(perItem).toBeGreaterThan(0);

    const cap = perItem * 5.5;
    const runId = await startRun({ setId, modelIds: ["right-80", "always-wrong", "flaky-10"], concurrency: 1, costCapUsd: cap });
    await evalRunSettled(runId);
    const { run, summary } = await results(runId);
    expect(run.status).toBe("stopped");
    expect(run.stopReason).toMatch(/cost cap/);
    expect(run.costUsd).toBeLessThanOrEqual(cap);
    expect(summary.reduce((sum, model) => sum + model.skipped, 0)).toBeGreaterThan(0);
    expect(summary.reduce((sum, model) => sum + model.pending, 0)).toBe(0);
  });

  it("stops when cancelled: no new calls, finished results kept, the rest skipped", async () => {
    const setId = await uploadSet();
    // Slow enough that the run is far from done when the cancel comes (about 8 s for all its items).
    fake.timings.tokenDelayMs = 100;
    const runId = await startRun({ setId, modelIds: ["right-80", "always-wrong"], concurrency: 1 });
    await vi.waitFor(async () => expect(await getDb().evalResult.count({ where: { runId, status: "done" } })).toBeGreaterThan(0), { timeout: 10_000 });
    const cancelled = await postCancel(new Request(`${base}/runs/${runId}/cancel`, { method: "POST" }) as never, params(runId));
    expect(cancelled.status).toBe(200);
    await evalRunSettled(runId);
    const { run, summary } = await results(runId);
    expect(run.status).toBe("cancelled");
    expect(summary.reduce((sum, model) => sum + model.skipped, 0)).toBeGreaterThan(0);
    expect(summary.reduce((sum, model) => sum + model.pending, 0)).toBe(0);
    // No call started after the cancel: the finished ones, plus at most the one per model that was cut off.
    const finished = await getDb().evalResult.count({ where: { runId, status: { in: ["done", "error"] } } });
    expect(fake.requestCount).toBeLessThanOrEqual(finished + 2);
    const again = await postCancel(new Request(`${base}/runs/${runId}/cancel`, { method: "POST" }) as never, params(runId));
    expect(again.status).toBe(409);
  });
});

describe("the privacy guard", () => {
  it("sends no item the model's policy blocks: it is an error that says why, and the backend never sees it", async () => {
    await saveModel({
      id: "guarded",
      name: "Guarded",
      config: {
        provider: "openai-compatible",
        endpoint: `${fake.url}/v1`,
        model: "right-80",
        timeouts: TIMEOUTS,
        privacy: { byCategory: { personal: "block" } },
      },
    });
    const file = [
      JSON.stringify({ input: "Q01: what is 01 + 01?", target: "2" }),
      JSON.stringify({ input: "Q02: what is 02 + 02? Reply to ann.lee@example.com", target: "4" }),
    ].join("\n");
    const response = await postSet(text(`${base}/sets?name=Private&grader=number`, file), undefined as never);
    const setId = ((await response.json()) as { set: { id: string } }).set.id;

    const runId = await startRun({ setId, modelIds: ["guarded", "right-80"] });
    await evalRunSettled(runId);

    const blocked = await getDb().evalResult.findFirstOrThrow({ where: { runId, modelId: "guarded", item: { position: 1 } } });
    expect(blocked.error).toMatch(/^Not sent by the privacy guard: /);
    expect(blocked.error).not.toContain("ann.lee@example.com");
    expect(fake.requests.filter((request) => request.body.includes("ann.lee@example.com"))).toHaveLength(1);
    const { summary } = await results(runId);
    expect(summary.map((model) => [model.modelId, model.errors])).toEqual([
      ["guarded", 1],
      ["right-80", 0],
    ]);
  });
});

describe("grading by a judge model, and quotas", () => {
  it("stores the judge's verdict and reason, and counts its calls as the run's", async () => {
    await saveModel({
      id: "judge",
      name: "Judge",
      config: { provider: "openai-compatible", endpoint: `${fake.url}/v1`, model: "judge", timeouts: TIMEOUTS },
    });
    fake.script = (request) => {
      if ((request.json as { model?: string }).model !== "judge") return script(request);
      // The judge compares the numbers after "Expected answer:" and "Answer to grade:" in the rubric.
      const prompt = JSON.stringify(request.json);
      const expected = /Expected answer:\\n(\d+)/.exec(prompt)?.[1];
      const given = /Answer to grade:\\n\D*(\d+)/.exec(prompt)?.[1];
      return { reply: expected === given ? "VERDICT: CORRECT\nREASON: same number" : `VERDICT: INCORRECT\nREASON: ${given} is not ${expected}` };
    };
    const response = await postSet(text(`${base}/sets?name=Judged&grader=model`, setFile), undefined as never);
    const setId = ((await response.json()) as { set: { id: string } }).set.id;
    const refused = await postRun(json(`${base}/runs`, { setId, modelIds: ["right-80", "always-wrong"] }), undefined as never);
    expect(await refused.json()).toEqual({ error: { code: "bad_request", message: "This set has model-graded items: pick a judge model." } });

    const runId = await startRun({ setId, modelIds: ["right-80", "always-wrong"], judgeModelId: "judge", concurrency: 4 });
    await evalRunSettled(runId);
    const { summary } = await results(runId);
    expect(summary.map((model) => [model.modelId, model.correct, model.graded, model.errors])).toEqual([
      ["right-80", 16, 20, 0],
      ["always-wrong", 0, 20, 0],
    ]);
    const wrong = await getDb().evalResult.findFirstOrThrow({ where: { runId, modelId: "always-wrong", item: { position: 0 } } });
    expect(wrong).toMatchObject({ correct: false, reason: "3 is not 2" });
    expect(await getDb().usageRecord.count({ where: { evalRunId: runId, modelId: "judge" } })).toBe(40);
  });

  it("stops when the quota of the admin who started it is reached", async () => {
    await getDb().quota.create({ data: { userId: admin.id, requestsPerMinute: 5 } });
    const setId = await uploadSet();
    const runId = await startRun({ setId, modelIds: ["right-80", "always-wrong"], concurrency: 1 });
    await evalRunSettled(runId);
    const { run, summary } = await results(runId);
    expect(run.status).toBe("stopped");
    expect(run.stopReason).toMatch(/quota/);
    expect(summary.reduce((sum, model) => sum + model.graded, 0)).toBeLessThanOrEqual(10);
    expect(summary.reduce((sum, model) => sum + model.skipped, 0)).toBeGreaterThan(0);
  });
});

describe("resuming", () => {
  it("resumes a run left running by a killed process, calling only its pending items", async () => {
    const setId = await uploadSet(setFileFor("R"));
    const items = await getDb().evalItem.findMany({ where: { setId }, orderBy: { position: "asc" } });
    const run = await createEvalRun({
      setId,
      createdById: admin.id,
      models: [
        { id: "right-80", name: "Model right-80" },
        { id: "flaky-10", name: "Model flaky-10" },
      ],
      itemIds: items.map((item) => item.id),
      sampleSize: null,
      settings: { temperature: null, maxOutputTokens: null, concurrency: 2, costCapUsd: null, judgeModelId: null, rubric: null, tolerance: null },
    });
    // The killed process had finished the first five items of right-80.
    const firstFive = items.slice(0, 5).map((item) => item.id);
    await getDb().evalResult.updateMany({
      where: { runId: run.id, modelId: "right-80", itemId: { in: firstFive } },
      data: { status: "done", correct: true, answer: "kept", costUsd: 0 },
    });

    // On PostgreSQL another instance may be running it: a fresh heartbeat is left alone...
    expect(await resumeEvalRuns()).toEqual([]);
    // ...and one that stopped a while ago is taken over (at start on SQLite, every running run is).
    await getDb().evalRun.update({ where: { id: run.id }, data: { heartbeatAt: new Date(Date.now() - 5 * 60_000) } });
    expect(await resumeEvalRuns()).toEqual([run.id]);
    await evalRunSettled(run.id);

    const calls = fake.requests
      .filter((request) => /R\d\d:/.test(request.body))
      .map((request) => `${(request.json as { model?: string }).model} ${itemNumber(request)}`);
    expect(calls).toHaveLength(2 * ITEMS - 5);
    expect(calls.filter((call) => /^right-80 [1-5]$/.test(call))).toEqual([]);
    const { run: finished, summary } = await results(run.id);
    expect(finished.status).toBe("completed");
    expect(summary.map((model) => [model.modelId, model.graded, model.errors])).toEqual([
      ["right-80", 20, 0],
      ["flaky-10", 18, 2],
    ]);
    expect(await getDb().evalResult.count({ where: { runId: run.id, answer: "kept" } })).toBe(5);
  });
});
