import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getImageHosts, PUT as putImageHosts } from "@/app/(admin)/api/admin/settings/images/route";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { GET as getConversation, PATCH as patchConversation } from "@/app/(chat)/api/conversations/[id]/route";
import { DELETE as deletePresetRoute, GET as getPresetRoute, PATCH as patchPresetRoute } from "@/app/(chat)/api/presets/[id]/route";
import { POST as createPresetRoute, GET as listPresetsRoute } from "@/app/(chat)/api/presets/route";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { saveModel } from "@/lib/models/save-model";
import { testProvider, useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { actAs } from "../support/signed-in-user";
import { answerSettled } from "../support/wait-for";

// Per-conversation settings (validated against the model's limits, sent to the backend), presets (CRUD, own only)
// and the admin's image-host allowlist, through the route handlers against a real database and the fake backends.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
const fakes = useFakes();
const TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000 };

type Actor = { id: string; email: string; role: "admin" | "user" };

async function account(email: string, role: "admin" | "user" = "user"): Promise<Actor> {
  const user = await createUser({ email, role, mayBecomeFirstAdmin: false });
  return { id: user.id, email, role };
}

function request(path: string, method: string, body?: unknown): NextRequest {
  return new NextRequest(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json", "user-agent": "vitest" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const params = <T extends Record<string, string>>(values: T) => ({ params: Promise.resolve(values) });
const patch = (id: string, body: unknown) => patchConversation(request(`/api/conversations/${id}`, "PATCH", body), params({ id }));
const read = (id: string) => getConversation(request(`/api/conversations/${id}`, "GET"), params({ id }));
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

async function send(conversationId: string, text: string, extra: Record<string, unknown> = {}) {
  const body = { conversationId, modelId: "azure", message: { id: randomUUID(), text }, ...extra };
  const response = await postChat(request("/api/chat", "POST", body));
  if (response.ok) await response.text();
  await answerSettled(conversationId);
  return response;
}

/** The body of the latest answer request the fake received (the title request after a first answer left out). */
function sentJson(fake: { requests: ReadonlyArray<{ body: string; json: unknown }> }): Record<string, unknown> {
  const answers = fake.requests.filter((recorded) => !recorded.body.includes("You name conversations"));
  return answers.at(-1)?.json as Record<string, unknown>;
}

let ann: Actor;

beforeEach(async () => {
  await database.reset();
  fakes.reset();
  ann = await account("ann@example.com");
  actAs(ann);
  await saveModel({
    id: "azure",
    name: "GPT-4o",
    config: {
      provider: "azure-openai",
      endpoint: fakes.azure.url,
      deployment: "gpt-4o",
      apiKey: fakes.azure.apiKey,
      maxOutputTokens: 4000,
      timeouts: TIMEOUTS,
    },
    defaults: { systemPrompt: "Admin default prompt.", temperature: 0.3, maxOutputTokens: 800 },
    isDefault: true,
  });
  await saveModel({
    id: "llama",
    name: "Llama 2",
    config: { provider: "tgi", endpoint: fakes.tgi.url, maxOutputTokens: 1000, timeouts: TIMEOUTS },
  });
});

describe(`conversation settings on ${testProvider()}`, () => {
  it("stores settings within the model's limits and sends them to the backend with every later answer", async () => {
    const id = randomUUID();
    expect((await send(id, "First question")).status).toBe(200);
    expect(sentJson(fakes.azure)).toMatchObject({ temperature: 0.3, max_tokens: 800 });

    const response = await patch(id, { systemPrompt: "Answer like a pirate.", temperature: 1.2, maxOutputTokens: 4000 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id,
      settings: { systemPrompt: "Answer like a pirate.", temperature: 1.2, maxOutputTokens: 4000, model: { id: "azure", maxOutputTokensLimit: 4000 } },
    });

    expect((await send(id, "Second question")).status).toBe(200);
    const body = sentJson(fakes.azure);
    expect(body).toMatchObject({ temperature: 1.2, max_tokens: 4000 });
    expect((body.messages as Array<{ role: string; content: string }>)[0]).toEqual({ role: "system", content: "Answer like a pirate." });

    const view = await (await read(id)).json();
    expect(view).toEqual({
      systemPrompt: "Answer like a pirate.",
      temperature: 1.2,
      maxOutputTokens: 4000,
      model: { id: "azure", name: "GPT-4o", maxOutputTokensLimit: 4000 },
    });
    // The admin's default system prompt is never shown to the user.
    expect(JSON.stringify(view)).not.toContain("Admin default prompt");
  });

  it("refuses values outside the limits with a message naming the limit, and changes nothing", async () => {
    const id = randomUUID();
    await send(id, "Hello");
    const above = await patch(id, { temperature: 0.5, maxOutputTokens: 4001 });
    expect(above.status).toBe(400);
    expect((await errorOf(above)).message).toBe("The maximum answer length for GPT-4o is 4,000 tokens.");
    expect((await patch(id, { temperature: 2.5 })).status).toBe(400);
    expect((await patch(id, { temperature: -0.1 })).status).toBe(400);
    expect((await patch(id, { maxOutputTokens: 0 })).status).toBe(400);
    expect((await patch(id, { maxOutputTokens: 12.5 })).status).toBe(400);
    expect((await patch(id, { systemPrompt: "x".repeat(20_001) })).status).toBe(400);
    expect((await patch(id, { temperature: "hot" })).status).toBe(400);
    expect((await patch(id, { unknown: 1 })).status).toBe(400);
    const row = await getDb().conversation.findUniqueOrThrow({ where: { id } });
    expect(row.settings).toBeNull();
    expect(row.systemPrompt).toBeNull();
  });

  it("puts a value back to the model's default with null, and keeps a title change separate", async () => {
    const id = randomUUID();
    await send(id, "Hello");
    await patch(id, { temperature: 1.5, maxOutputTokens: 100, systemPrompt: "Be short." });
    const cleared = await patch(id, { temperature: null, systemPrompt: "  ", title: "Renamed" });
    expect(await cleared.json()).toMatchObject({ title: "Renamed", settings: { temperature: null, maxOutputTokens: 100, systemPrompt: null } });
    await send(id, "Again");
    const body = sentJson(fakes.azure);
    expect(body).toMatchObject({ temperature: 0.3, max_tokens: 100 });
    expect((body.messages as Array<{ role: string; content: string }>)[0]).toEqual({ role: "system", content: "Admin default prompt." });
  });

  it("caps a stored answer length again when the conversation moves to a model with a lower limit (TGI parameters)", async () => {
    const id = randomUUID();
    await send(id, "Hello");
    await patch(id, { temperature: 0.9, maxOutputTokens: 3000 });
    const body = { conversationId: id, modelId: "llama", message: { id: randomUUID(), text: "Now Llama" } };
    const response = await postChat(request("/api/chat", "POST", body));
    expect(response.status).toBe(200);
    await response.text();
    await answerSettled(id);
    const parameters = sentJson(fakes.tgi).parameters as Record<string, unknown>;
    expect(parameters).toMatchObject({ temperature: 0.9, max_new_tokens: 1000 });
  });

  it("takes a new chat's settings with its first message, checked against the model", async () => {
    const tooLong = await send(randomUUID(), "Hi", { settings: { maxOutputTokens: 5000 } });
    expect(tooLong.status).toBe(400);
    expect((await errorOf(tooLong)).message).toContain("4,000 tokens");

    const id = randomUUID();
    expect((await send(id, "Hi", { settings: { systemPrompt: "You are terse.", temperature: 0, maxOutputTokens: 64 } })).status).toBe(200);
    expect(sentJson(fakes.azure)).toMatchObject({
      temperature: 0,
      max_tokens: 64,
      messages: [
        { role: "system", content: "You are terse." },
        { role: "user", content: "Hi" },
      ],
    });
    // Settings sent with a later message of an existing conversation are ignored: the dialog changes them.
    await send(id, "Again", { settings: { temperature: 2 } });
    expect(sentJson(fakes.azure)).toMatchObject({ temperature: 0, max_tokens: 64 });
  });

  it("answers 401 without a session and 404 for another user's conversation", async () => {
    const id = randomUUID();
    await send(id, "Mine");
    actAs(null);
    expect((await read(id)).status).toBe(401);
    expect((await patch(id, { temperature: 1 })).status).toBe(401);
    actAs(await account("bob@example.com"));
    expect((await read(id)).status).toBe(404);
    expect((await patch(id, { temperature: 1 })).status).toBe(404);
    expect((await getDb().conversation.findUniqueOrThrow({ where: { id } })).settings).toBeNull();
  });
});

describe(`presets on ${testProvider()}`, () => {
  const create = (body: unknown) => createPresetRoute(request("/api/presets", "POST", body), undefined);
  const list = () => listPresetsRoute(request("/api/presets", "GET"), undefined);
  const getOne = (id: string) => getPresetRoute(request(`/api/presets/${id}`, "GET"), params({ id }));
  const change = (id: string, body: unknown) => patchPresetRoute(request(`/api/presets/${id}`, "PATCH", body), params({ id }));
  const remove = (id: string) => deletePresetRoute(request(`/api/presets/${id}`, "DELETE"), params({ id }));

  it("creates, lists by name, reads, changes and deletes the user's own presets", async () => {
    const created = await create({
      name: "  Translator ",
      systemPrompt: "Translate to French.",
      prompt: "Translate this:",
      modelId: "azure",
      temperature: 0.2,
      maxOutputTokens: 500,
    });
    expect(created.status).toBe(201);
    const preset = (await created.json()) as { id: string };
    expect(preset).toMatchObject({
      name: "Translator",
      systemPrompt: "Translate to French.",
      prompt: "Translate this:",
      modelId: "azure",
      temperature: 0.2,
      maxOutputTokens: 500,
    });
    expect((await create({ name: "alpha" })).status).toBe(201);

    const listed = (await (await list()).json()) as { presets: Array<{ name: string }> };
    expect(listed.presets.map((item) => item.name)).toEqual(["alpha", "Translator"]);
    expect(await (await getOne(preset.id)).json()).toMatchObject({ id: preset.id, name: "Translator" });

    const changed = await change(preset.id, { name: "French", temperature: null, prompt: "" });
    expect(await changed.json()).toMatchObject({ name: "French", temperature: null, prompt: null, systemPrompt: "Translate to French." });

    expect(await (await remove(preset.id)).json()).toEqual({ deleted: true });
    expect((await getOne(preset.id)).status).toBe(404);
    expect(await getDb().preset.count({ where: { userId: ann.id } })).toBe(1);
  });

  it("validates fields and the model's limit", async () => {
    expect((await create({ name: "" })).status).toBe(400);
    expect((await create({ name: "x".repeat(101) })).status).toBe(400);
    expect((await create({ name: "Hot", temperature: 3 })).status).toBe(400);
    expect((await create({ name: "Extra", owner: "me" })).status).toBe(400);
    const tooLong = await create({ name: "Long", modelId: "azure", maxOutputTokens: 4001 });
    expect(tooLong.status).toBe(400);
    expect((await errorOf(tooLong)).message).toBe("The maximum answer length for GPT-4o is 4,000 tokens.");
    const unknownModel = await create({ name: "Ghost", modelId: "nope" });
    expect(unknownModel.status).toBe(400);
    expect((await errorOf(unknownModel)).message).toContain("not available");
    expect((await change("not a valid id!", { name: "x" })).status).toBe(404);
    expect(await getDb().preset.count()).toBe(0);
  });

  it("keeps other users' presets out of reach (404) and needs a session (401)", async () => {
    const preset = (await (await create({ name: "Ann's" })).json()) as { id: string };
    actAs(await account("bob@example.com"));
    expect((await getOne(preset.id)).status).toBe(404);
    expect((await change(preset.id, { name: "Stolen" })).status).toBe(404);
    expect((await remove(preset.id)).status).toBe(404);
    expect(await (await list()).json()).toEqual({ presets: [] });
    actAs(null);
    expect((await list()).status).toBe(401);
    expect((await create({ name: "x" })).status).toBe(401);
    expect((await getOne(preset.id)).status).toBe(401);
    expect((await getDb().preset.findUniqueOrThrow({ where: { id: preset.id } })).name).toBe("Ann's");
  });

  it("stops at 100 presets per user with 409", async () => {
    await getDb().preset.createMany({ data: Array.from({ length: 100 }, (_, index) => ({ userId: ann.id, name: `P${index}` })) });
    const refused = await create({ name: "One too many" });
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).message).toContain("at most 100 presets");
    actAs(await account("bob@example.com"));
    expect((await create({ name: "Bob's first" })).status).toBe(201);
  });
});

describe(`image host allowlist on ${testProvider()}`, () => {
  const put = (body: unknown) => putImageHosts(request("/api/admin/settings/images", "PUT", body), undefined);
  const get = () => getImageHosts(request("/api/admin/settings/images", "GET"), undefined);

  it("answers 401 without a session and 403 to a non-admin", async () => {
    actAs(null);
    expect((await get()).status).toBe(401);
    expect((await put({ hosts: "images.example.com" })).status).toBe(401);
    actAs(ann);
    expect((await get()).status).toBe(403);
    expect((await put({ hosts: "images.example.com" })).status).toBe(403);
    expect(await getDb().setting.count({ where: { key: "chat.allowedImageHosts" } })).toBe(0);
  });

  it("stores host names (one per line, trimmed, lower-case, no duplicates), audits the change, and validates", async () => {
    const admin = await account("root@example.com", "admin");
    actAs(admin);
    expect(await (await get()).json()).toEqual({ hosts: [] });

    const saved = await put({ hosts: " Images.Example.com \n\ncdn.example.org:8443\nimages.example.com\n127.0.0.1:4575" });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ hosts: ["images.example.com", "cdn.example.org:8443", "127.0.0.1:4575"] });
    expect(await (await get()).json()).toEqual({ hosts: ["images.example.com", "cdn.example.org:8443", "127.0.0.1:4575"] });
    const entry = await getDb().auditLogEntry.findFirstOrThrow({ where: { action: "settings.changed" } });
    expect(entry).toMatchObject({ actorId: admin.id, target: "chat.allowedImageHosts", userAgent: "vitest" });

    for (const bad of ["https://images.example.com", "images.example.com/path", "*.example.com", "bad host", "host:99999", "-bad.example.com"]) {
      const response = await put({ hosts: bad });
      expect(response.status, bad).toBe(400);
      expect((await errorOf(response)).message).toContain(bad.split("/")[0] === "https:" ? "host name only" : "");
    }
    expect((await put({ hosts: Array.from({ length: 51 }, (_, index) => `h${index}.example.com`) })).status).toBe(400);
    expect((await put({ other: 1 })).status).toBe(400);
    expect(await (await get()).json()).toEqual({ hosts: ["images.example.com", "cdn.example.org:8443", "127.0.0.1:4575"] });

    expect(await (await put({ hosts: "" })).json()).toEqual({ hosts: [] });
  });
});
