import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { GET as getModels } from "@/app/(chat)/api/models/route";
import { getDb } from "@/lib/db/client";
import { setModelAccessGroups } from "@/lib/db/model-access";
import { getChatModel, getDefaultModelId, listModelOptions } from "@/lib/models/chat-models";
import { saveModel } from "@/lib/models/save-model";
import { FakeOpenAICompatible } from "@/tests/fakes/index";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser, type TestUser } from "../support/signed-in-user";
import { parseSse } from "../support/sse";

// Per-group model access, enforced on the server: the Model picker, the default model, and POST /api/chat, which
// answers a model the user may not use exactly as it answers a model that does not exist.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));

const database = useTestDatabase();
const vllm = new FakeOpenAICompatible("vllm");
const config = () => ({ provider: "openai-compatible" as const, endpoint: `${vllm.url}/v1`, model: vllm.servedModel });

let member: TestUser;
let outsider: TestUser;
let adminUser: TestUser;

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
  member = await newUser("member@example.com");
  outsider = await newUser("outsider@example.com");
  adminUser = await newUser("admin@example.com");
  const research = await getDb().group.create({ data: { name: "Research", members: { create: { userId: member.id } } } });
  const legal = await getDb().group.create({ data: { name: "Legal" } });
  await saveModel({ id: "open", name: "Open to all", config: config(), sortOrder: 2 });
  await saveModel({ id: "research", name: "Research only", config: config(), sortOrder: 1, isDefault: true });
  await saveModel({ id: "legal", name: "Legal only", config: config(), sortOrder: 0 });
  await setModelAccessGroups("research", [research.id, legal.id]);
  await setModelAccessGroups("legal", [legal.id]);
});

const as = (user: TestUser, role: "admin" | "user" = "user") => ({ id: user.id, role });
const ids = async (user: { id: string; role: "admin" | "user" }) => (await listModelOptions(user)).map((option) => option.id);

describe(`model access per group on ${testProvider()}`, () => {
  it("lists only the models open to everyone or to one of the user's groups; admins see every enabled one", async () => {
    expect(await ids(as(member))).toEqual(["research", "open"]);
    expect(await ids(as(outsider))).toEqual(["open"]);
    expect(await ids(as(adminUser, "admin"))).toEqual(["legal", "research", "open"]);
    await getDb().model.update({ where: { id: "legal" }, data: { enabled: false } });
    expect(await ids(as(adminUser, "admin"))).toEqual(["research", "open"]);
  });

  it("gives the chat model only to users who may use it", async () => {
    expect(await getChatModel(as(member), "research")).toMatchObject({ id: "research" });
    expect(await getChatModel(as(outsider), "research")).toBeNull();
    expect(await getChatModel(as(member), "legal")).toBeNull();
    expect(await getChatModel(as(adminUser, "admin"), "legal")).toMatchObject({ id: "legal" });
  });

  it("falls back to the first usable model when the default is not allowed", async () => {
    expect(await getDefaultModelId(as(member))).toBe("research");
    expect(await getDefaultModelId(as(outsider))).toBe("open");
    await getDb().model.update({ where: { id: "open" }, data: { enabled: false } });
    expect(await getDefaultModelId(as(outsider))).toBeNull();
  });

  it("takes effect at once when membership or access changes", async () => {
    await getDb().groupMember.create({ data: { groupId: (await getDb().group.findUniqueOrThrow({ where: { name: "Legal" } })).id, userId: outsider.id } });
    expect(await ids(as(outsider))).toEqual(["legal", "research", "open"]);
    await setModelAccessGroups("legal", []);
    expect(await ids(as(member))).toEqual(["legal", "research", "open"]);
  });

  it("GET /api/models lists only the usable models", async () => {
    actAs(outsider);
    expect(((await (await getModels(new Request("http://localhost/api/models"))).json()) as { id: string }[]).map((model) => model.id)).toEqual(["open"]);
  });

  it("POST /api/chat refuses a model the user may not use exactly as an unknown model, and calls no backend", async () => {
    actAs(outsider);
    const send = async (modelId: string) => {
      const response = await postChat(
        new Request("http://localhost/api/chat", {
          method: "POST",
          body: JSON.stringify({ conversationId: randomUUID(), modelId, message: { id: randomUUID(), text: "Hello" } }),
        }),
      );
      return { status: response.status, body: await response.text() };
    };
    const forbidden = await send("research");
    const unknown = await send("no-such-model");
    expect(forbidden.status).toBe(404);
    expect(forbidden).toEqual(unknown);
    expect(forbidden.body).not.toContain("research");
    expect(vllm.requestCount).toBe(0);
    expect(await getDb().message.count()).toBe(0);

    actAs(member);
    const allowed = await postChat(
      new Request("http://localhost/api/chat", {
        method: "POST",
        body: JSON.stringify({ conversationId: randomUUID(), modelId: "research", message: { id: randomUUID(), text: "Hello" } }),
      }),
    );
    expect(allowed.status).toBe(200);
    const answer = parseSse(await allowed.text()).flatMap((chunk) => (chunk.type === "text-delta" ? [chunk.delta] : []));
    expect(answer.join("")).toContain("Deep learning");
    // The answer, and the title made after it.
    expect(vllm.requestCount).toBeGreaterThanOrEqual(1);
  });
});
