import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postMove } from "@/app/(admin)/api/admin/models/[id]/move/route";
import { DELETE as deleteModel, GET as getModel, PATCH as patchModel } from "@/app/(admin)/api/admin/models/[id]/route";
import { POST as postTest } from "@/app/(admin)/api/admin/models/[id]/test/route";
import { POST as createModel, GET as listModels } from "@/app/(admin)/api/admin/models/route";
import { getDb } from "@/lib/db/client";
import { getChatModel, listModelOptions } from "@/lib/models/chat-models";
import { listModelPrivacy } from "@/lib/models/model-privacy";
import { saveModel } from "@/lib/models/save-model";
import { FakeOpenAICompatible } from "@/tests/fakes/index";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser, type TestUser } from "../support/signed-in-user";

// The admin API for models: who may call it, validation, each change and its audit entry, secrets that never come
// back, models owned by MODELS_FILE, and the Test button against a fake backend.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));

const database = useTestDatabase();
const API_KEY = "sk-vllm-admin-test-0123456789";
const NEW_KEY = "sk-rotated-9876543210-zyx";
const vllm = new FakeOpenAICompatible("vllm", { apiKey: API_KEY });

let admin: TestUser;

beforeAll(async () => {
  await vllm.start();
});
afterAll(async () => {
  await vllm.close();
  vi.unstubAllEnvs();
});
beforeEach(async () => {
  await database.reset();
  vllm.reset();
  admin = await newUser("admin@example.com");
  await getDb().user.update({ where: { id: admin.id }, data: { role: "admin" } });
  actAsAdmin();
});

function actAsAdmin() {
  actAs({ ...admin, role: "admin" });
}

const base = "http://localhost/api/admin/models";
const json = (method: string, url: string, body?: unknown) =>
  new Request(url, { method, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) }) as never;
const params = (id: string) => ({ params: Promise.resolve({ id }) });

const api = {
  list: () => listModels(json("GET", base), undefined as never),
  create: (body: unknown) => createModel(json("POST", base, body), undefined as never),
  get: (id: string) => getModel(json("GET", `${base}/${id}`), params(id)),
  patch: (id: string, body: unknown) => patchModel(json("PATCH", `${base}/${id}`, body), params(id)),
  delete: (id: string) => deleteModel(json("DELETE", `${base}/${id}`), params(id)),
  move: (id: string, direction: unknown) => postMove(json("POST", `${base}/${id}/move`, { direction }), params(id)),
  test: (id: string) => postTest(json("POST", `${base}/${id}/test`), params(id)),
};

const vllmModel = (overrides: Record<string, unknown> = {}) => ({
  id: "llama-vllm",
  name: "Llama 2 (vLLM)",
  config: { provider: "openai-compatible", endpoint: `${vllm.url}/v1`, model: vllm.servedModel, apiKey: API_KEY },
  ...overrides,
});

/** The body as text (to look for leaks) and as JSON. */
async function read(response: Response) {
  const text = await response.text();
  expect(text, "a secret came back in a response").not.toContain(API_KEY);
  expect(text, "a secret came back in a response").not.toContain(NEW_KEY);
  return { status: response.status, text, body: JSON.parse(text) as Record<string, any> };
}

async function auditActions(target: string) {
  const rows = await getDb().auditLogEntry.findMany({ where: { target }, orderBy: { createdAt: "asc" } });
  expect(JSON.stringify(rows)).not.toContain(API_KEY);
  expect(JSON.stringify(rows)).not.toContain(NEW_KEY);
  return rows.map((row) => ({ action: row.action, details: row.details }));
}

describe(`admin models API: who may call it, on ${testProvider()}`, () => {
  it("answers 401 without a session and 403 to a plain user, on every route, and changes nothing", async () => {
    await saveModel({ id: "m", name: "M", config: { provider: "ollama", endpoint: "http://127.0.0.1:1", model: "x" } });
    const calls = [
      () => api.list(),
      () => api.create(vllmModel()),
      () => api.get("m"),
      () => api.patch("m", { enabled: false }),
      () => api.delete("m"),
      () => api.move("m", "down"),
      () => api.test("m"),
    ];
    actAs(null);
    for (const call of calls) expect((await read(await call())).body).toEqual({ error: { code: "unauthorized", message: "Sign in to continue." } });
    actAs(await newUser("user@example.com"));
    for (const call of calls) expect((await read(await call())).status).toBe(403);
    expect(await getDb().model.findMany({ select: { id: true, enabled: true } })).toEqual([{ id: "m", enabled: true }]);
    expect(await getDb().auditLogEntry.count()).toBe(0);
  });
});

describe(`admin models API: create, list, edit on ${testProvider()}`, () => {
  it("validates a new model with the provider's config schema", async () => {
    const cases: [unknown, RegExp][] = [
      ["{nope", /must be JSON/],
      [vllmModel({ id: "Bad Id" }), /slug/],
      [vllmModel({ name: " " }), /Name the model/],
      [vllmModel({ config: { provider: "nope", endpoint: "http://x" } }), /provider/],
      [vllmModel({ config: { provider: "azure-openai", endpoint: "https://corp.openai.azure.com", apiKey: "k" } }), /config\.deployment/],
      [vllmModel({ config: { provider: "azure-openai", endpoint: "https://corp.openai.azure.com", deployment: "d" } }), /apiKey is required/],
      [vllmModel({ config: { provider: "ollama", endpoint: "ftp://x", model: "m" } }), /config\.endpoint/],
      [vllmModel({ config: { provider: "ollama", endpoint: "http://x", model: "m", extra: 1 } }), /extra/],
      [vllmModel({ inputPricePerMTok: -1 }), /negative/],
      [vllmModel({ defaults: { maxOutputTokens: 8000, contextWindow: 4096 } }), /smaller than the context window/],
      [vllmModel({ defaults: { temperature: 3 } }), /temperature/],
      [vllmModel({ accessGroupIds: ["no-such-group"] }), /group does not exist/],
      [vllmModel({ managedByFile: true }), /managedByFile/],
      [vllmModel({ enabled: false, isDefault: true }), /disabled model cannot be the default/],
    ];
    for (const [body, message] of cases) {
      const { status, body: answer } = await read(await api.create(body));
      expect({ status, body }).toMatchObject({ status: 400 });
      expect(answer.error.message).toMatch(message);
    }
    expect(await getDb().model.count()).toBe(0);
  });

  it("creates a model with limits, prices and access; lists secrets only as set or not set; audits without values", async () => {
    const group = await getDb().group.create({ data: { name: "Research" } });
    const created = await read(
      await api.create(
        vllmModel({
          defaults: { maxOutputTokens: 512, contextWindow: 4096, temperature: 0.3, systemPrompt: "Be brief." },
          inputPricePerMTok: 0.5,
          outputPricePerMTok: 1.5,
          accessGroupIds: [group.id],
        }),
      ),
    );
    expect(created.status).toBe(201);
    expect(created.body.model).toMatchObject({
      id: "llama-vllm",
      provider: "openai-compatible",
      endpoint: `${vllm.url}/v1`,
      connection: { model: vllm.servedModel },
      secrets: { apiKey: "set" },
      defaults: { maxOutputTokens: 512, contextWindow: 4096 },
      inputPricePerMTok: 0.5,
      outputPricePerMTok: 1.5,
      accessGroups: [{ id: group.id, name: "Research" }],
      enabled: true,
      managedByFile: false,
    });
    await saveModel({ id: "local", name: "Local", config: { provider: "ollama", endpoint: "http://127.0.0.1:1", model: "x" } });
    const list = await read(await api.list());
    expect(list.body.models.map((model: { id: string; secrets: unknown }) => [model.id, model.secrets])).toEqual([
      ["llama-vllm", { apiKey: "set" }],
      ["local", { apiKey: "not set" }],
    ]);
    expect(await auditActions("llama-vllm")).toEqual([
      { action: "model.created", details: { provider: "openai-compatible" } },
      { action: "model.key_changed", details: { fields: ["apiKey"] } },
      { action: "model.access_changed", details: { groups: ["Research"], everyone: false } },
    ]);
    expect((await api.create(vllmModel())).status).toBe(409);
  });

  it("keeps a secret left empty, replaces a typed one, and removes one on an explicit clear", async () => {
    await api.create(vllmModel());
    const form = { name: "Renamed", config: { provider: "openai-compatible", endpoint: `${vllm.url}/v1`, model: vllm.servedModel, apiKey: "" } };
    expect((await read(await api.patch("llama-vllm", form))).body.model).toMatchObject({ name: "Renamed", secrets: { apiKey: "set" } });
    expect((await getChatModel(admin as never, "llama-vllm"))?.config).toMatchObject({ apiKey: API_KEY });

    await api.patch("llama-vllm", { ...form, config: { ...form.config, apiKey: NEW_KEY } });
    expect((await getChatModel({ id: admin.id, role: "admin" }, "llama-vllm"))?.config).toMatchObject({ apiKey: NEW_KEY });

    const cleared = await read(await api.patch("llama-vllm", { clearSecrets: ["apiKey"] }));
    expect(cleared.body.model.secrets).toEqual({ apiKey: "not set" });
    expect((await getChatModel({ id: admin.id, role: "admin" }, "llama-vllm"))?.config.apiKey).toBeUndefined();
    expect(await getDb().model.findUniqueOrThrow({ where: { id: "llama-vllm" } })).toMatchObject({ encryptedSecrets: null });

    expect((await auditActions("llama-vllm")).slice(2)).toEqual([
      { action: "model.updated", details: { fields: ["name"] } },
      { action: "model.key_changed", details: { fields: ["apiKey"] } },
      { action: "model.key_changed", details: { fields: ["apiKey"] } },
    ]);
  });

  it("keeps an Azure key when switching nothing, and drops the kept key when auth becomes Entra", async () => {
    const azure = { provider: "azure-openai", endpoint: "https://corp.openai.azure.com", deployment: "gpt-4o", apiKey: API_KEY };
    await api.create({ id: "azure", name: "Azure", config: azure });
    const entra = await read(
      await api.patch("azure", { config: { ...azure, apiKey: "", auth: "entra", tenantId: "t", clientId: "c", clientSecret: NEW_KEY } }),
    );
    expect(entra.body.model.secrets).toEqual({ clientSecret: "set" });
    expect((await getChatModel({ id: admin.id, role: "admin" }, "azure"))?.config).toMatchObject({ auth: "entra", clientSecret: NEW_KEY });
    expect((await getChatModel({ id: admin.id, role: "admin" }, "azure"))?.config.apiKey).toBeUndefined();
  });

  it("edits limits, prices, access and settings; GET shows the result; 404 for an unknown id", async () => {
    await api.create(vllmModel());
    const groups = await Promise.all(["A team", "B team"].map((name) => getDb().group.create({ data: { name } })));
    const updated = await read(
      await api.patch("llama-vllm", {
        defaults: { maxOutputTokens: 256, contextWindow: 2048 },
        inputPricePerMTok: 2,
        outputPricePerMTok: null,
        accessGroupIds: groups.map((group) => group.id),
      }),
    );
    expect(updated.body.model).toMatchObject({ defaults: { maxOutputTokens: 256, contextWindow: 2048 }, inputPricePerMTok: 2, outputPricePerMTok: null });
    expect((await read(await api.get("llama-vllm"))).body.model.accessGroups.map((group: { name: string }) => group.name)).toEqual(["A team", "B team"]);
    expect((await getChatModel({ id: admin.id, role: "admin" }, "llama-vllm"))?.defaults).toEqual({ maxOutputTokens: 256, contextWindow: 2048 });

    await api.patch("llama-vllm", { accessGroupIds: [] });
    expect(await getDb().modelAccess.count()).toBe(0);
    expect((await auditActions("llama-vllm")).slice(-2)).toEqual([
      { action: "model.access_changed", details: { groups: ["A team", "B team"], everyone: false } },
      { action: "model.access_changed", details: { groups: [], everyone: true } },
    ]);
    expect((await api.get("nope")).status).toBe(404);
    expect((await api.get("../etc")).status).toBe(404);
    expect((await api.patch("nope", { enabled: false })).status).toBe(404);
    expect((await api.patch("llama-vllm", { id: "other" })).status).toBe(400);
  });

  it("saves a model's own privacy policy in its config, reads it back, and applies it on top of its boundary", async () => {
    const config = { ...vllmModel().config, boundary: "external", privacy: { byCategory: { personal: "block" } } };
    expect((await api.create(vllmModel({ config }))).status).toBe(201);
    expect((await read(await api.get("llama-vllm"))).body.model.connection).toMatchObject({
      boundary: "external",
      privacy: { byCategory: { personal: "block" } },
    });
    const policyOf = async () => (await listModelOptions({ id: admin.id, role: "admin" })).find((model) => model.id === "llama-vllm")?.privacyPolicy;
    // External's defaults (secrets and terms replaced) with the model's own block on personal data on top.
    expect((await policyOf())?.byCategory).toEqual({ personal: "block", secret: "redact", confidential: "redact" });

    // What the form sends on an edit: the key left empty (kept), the categories as chosen, per-type rules kept.
    const edited = { byCategory: { secret: "allow" }, byType: { payment_card: "block" } };
    expect((await api.patch("llama-vllm", { config: { ...config, apiKey: "", privacy: edited } })).status).toBe(200);
    expect((await read(await api.get("llama-vllm"))).body.model.connection.privacy).toEqual(edited);
    expect(await policyOf()).toMatchObject({ byCategory: { personal: "warn", secret: "allow", confidential: "redact" }, byType: { payment_card: "block" } });
    expect((await listModelPrivacy()).find((row) => row.id === "llama-vllm")).toMatchObject({ boundary: "external", override: edited });

    // Only what MODELS_FILE accepts: an unknown action or category is refused and changes nothing.
    for (const privacy of [{ byCategory: { personal: "maybe" } }, { byCategory: { everything: "block" } }, { personal: "block" }]) {
      expect((await api.patch("llama-vllm", { config: { ...config, apiKey: "", privacy } })).status).toBe(400);
    }
    expect((await read(await api.get("llama-vllm"))).body.model.connection.privacy).toEqual(edited);

    // Every category back to "as its boundary": no override, the boundary's policy again.
    expect((await api.patch("llama-vllm", { config: { ...vllmModel().config, boundary: "external", apiKey: "" } })).status).toBe(200);
    expect((await listModelPrivacy()).find((row) => row.id === "llama-vllm")?.override).toBeNull();
    expect((await policyOf())?.byCategory).toEqual({ personal: "warn", secret: "redact", confidential: "redact" });
  });

  it("enables, disables and sets the default: one default, never a disabled one", async () => {
    await api.create(vllmModel({ isDefault: true }));
    await api.create(vllmModel({ id: "second", name: "Second" }));
    expect((await read(await api.patch("second", { isDefault: true }))).body.model.isDefault).toBe(true);
    expect((await getDb().model.findMany({ where: { isDefault: true }, select: { id: true } })).map((row) => row.id)).toEqual(["second"]);

    const disabled = await read(await api.patch("second", { enabled: false }));
    expect(disabled.body.model).toMatchObject({ enabled: false, isDefault: false });
    expect((await api.patch("second", { isDefault: true })).status).toBe(400);
    expect(await getChatModel({ id: admin.id, role: "admin" }, "second")).toBeNull();
    expect((await read(await api.patch("second", { enabled: true }))).body.model.enabled).toBe(true);
    expect((await auditActions("second")).map((entry) => entry.details)).toContainEqual({ fields: ["enabled", "isDefault"] });
  });

  it("moves database models up and down, after the file's models", async () => {
    for (const id of ["one", "two", "three"]) await api.create(vllmModel({ id, name: id }));
    await saveModel({
      id: "from-file",
      name: "From file",
      config: { provider: "ollama", endpoint: "http://x", model: "m" },
      sortOrder: 0,
      managedByFile: true,
    });
    expect((await read(await api.move("three", "up"))).body.order).toEqual(["from-file", "one", "three", "two"]);
    expect((await read(await api.move("one", "down"))).body.order).toEqual(["from-file", "three", "one", "two"]);
    expect((await api.move("three", "up")).status).toBe(400);
    expect((await api.move("two", "down")).status).toBe(400);
    expect((await api.move("one", "sideways")).status).toBe(400);
    expect((await api.move("from-file", "down")).status).toBe(409);
  });

  it("deletes an unused model, and refuses one that conversations or usage refer to", async () => {
    await api.create(vllmModel());
    await api.create(vllmModel({ id: "used", name: "Used" }));
    await getDb().conversation.create({ data: { userId: admin.id, modelId: "used" } });
    expect((await read(await api.delete("llama-vllm"))).body).toEqual({ deleted: "llama-vllm" });
    const refused = await read(await api.delete("used"));
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/disable it instead/);
    expect((await getDb().model.findMany({ select: { id: true } })).map((row) => row.id)).toEqual(["used"]);
    expect(await auditActions("llama-vllm")).toContainEqual({ action: "model.deleted", details: { name: "Llama 2 (vLLM)" } });
  });
});

describe(`admin models API: models from MODELS_FILE on ${testProvider()}`, () => {
  it("refuses every change to a file-managed model with 409 naming MODELS_FILE", async () => {
    await saveModel({
      id: "from-file",
      name: "From file",
      config: { provider: "openai-compatible", endpoint: `${vllm.url}/v1`, model: vllm.servedModel, apiKey: API_KEY },
      isDefault: true,
      managedByFile: true,
    });
    await api.create(vllmModel({ id: "db-model", name: "DB model" }));
    const refusals = [
      await api.patch("from-file", { name: "Hijacked" }),
      await api.patch("from-file", { enabled: false }),
      await api.patch("from-file", { isDefault: false }),
      await api.patch("from-file", { accessGroupIds: [] }),
      await api.delete("from-file"),
      await api.move("from-file", "down"),
      await api.create(vllmModel({ id: "from-file" })),
      // The file sets the default: making another model the default would be undone at the next start.
      await api.patch("db-model", { isDefault: true }),
      await api.create(vllmModel({ id: "new-default", isDefault: true })),
    ];
    for (const response of refusals) {
      const { status, body } = await read(response);
      expect(status).toBe(409);
      expect(body.error.message).toContain("MODELS_FILE");
    }
    expect(await getDb().model.findUniqueOrThrow({ where: { id: "from-file" } })).toMatchObject({ name: "From file", enabled: true, isDefault: true });
    const listed = (await read(await api.list())).body.models.find((model: { id: string }) => model.id === "from-file");
    expect(listed).toMatchObject({ managedByFile: true, secrets: { apiKey: "set" } });
    // Testing changes nothing, so it is allowed.
    expect((await read(await api.test("from-file"))).body).toMatchObject({ ok: true });
  });
});

describe(`admin models API: Test on ${testProvider()}`, () => {
  it("sends the short prompt and answers with the text and latency", async () => {
    await api.create(vllmModel({ enabled: false }));
    const { status, body } = await read(await api.test("llama-vllm"));
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      text: "Deep learning is a subset of machine learning based on neural networks.",
      latencyMs: expect.any(Number),
      error: null,
    });
    expect(vllm.requests.at(-1)?.body).toContain("Say hello in five words.");
    expect(await auditActions("llama-vllm")).toContainEqual({ action: "model.tested", details: { ok: true, latencyMs: body.latencyMs } });
  });

  it("reports a 401 from the backend with the admin's message and no key", async () => {
    await api.create(vllmModel({ config: { ...vllmModel().config, apiKey: NEW_KEY } }));
    const { body } = await read(await api.test("llama-vllm"));
    expect(body).toMatchObject({ ok: false, text: "" });
    expect(body.error).toMatch(/auth/);
  });

  it("reports an unreachable backend", async () => {
    await api.create(vllmModel({ config: { provider: "openai-compatible", endpoint: "http://127.0.0.1:1/v1", model: "m" } }));
    const { body } = await read(await api.test("llama-vllm"));
    expect(body).toMatchObject({ ok: false, text: "", error: expect.stringMatching(/unavailable/) });
    expect((await api.test("no-such-model")).status).toBe(404);
  });
});
