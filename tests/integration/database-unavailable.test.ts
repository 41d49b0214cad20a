import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { PATCH as patchConversation } from "@/app/(chat)/api/conversations/[id]/route";
import { GET as getHealth } from "@/app/api/health/route";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getOrCreateConversation } from "@/lib/db/conversations";
import { saveModel } from "@/lib/models/save-model";
import { testProvider, useTestDatabase } from "../support/database";
import { allowWrites, refuseWrites } from "../support/database-outage";
import { signInNewUser } from "../support/signed-in-user";

// A database that cannot write (full disk, read-only server) or cannot be reached: readiness says so (503), API
// routes answer 503 "temporarily unavailable" in the JSON error shape, and no database error text reaches a response.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
let userId: string;

beforeEach(async () => {
  await database.reset();
  const user = await signInNewUser();
  userId = user.id;
  await saveModel({ id: "m", name: "Model", config: { provider: "openai-compatible", endpoint: "http://127.0.0.1:1/v1", model: "m" }, isDefault: true });
});
afterEach(async () => {
  await allowWrites(database.current);
  vi.restoreAllMocks();
});

const INTERNAL_TEXT = /prisma|sqlite|postgres|SELECT|INSERT|UPDATE|read-only|readonly|invocation/i;

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  const text = await response.text();
  expect(JSON.parse(text)).toEqual({
    error: { code: "unavailable", message: "The service is temporarily unavailable. Please try again in a moment.", retryAfterMs: 5_000 },
  });
  expect(text).not.toMatch(INTERNAL_TEXT);
}

describe(`database that cannot write, on ${testProvider()}`, () => {
  it("readiness answers 503 while writes fail, and 200 again once they work", async () => {
    expect((await getHealth()).status).toBe(200);
    await refuseWrites(database.current);
    const down = await getHealth();
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable" });
    await allowWrites(database.current);
    expect((await getHealth()).status).toBe(200);
  });

  it("POST /api/chat answers 503 temporarily unavailable, without database text", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await refuseWrites(database.current);
    const body = JSON.stringify({ conversationId: randomUUID(), modelId: "m", message: { id: randomUUID(), text: "hello" } });
    await expectUnavailable(await postChat(new Request("http://localhost/api/chat", { method: "POST", body })));
  });

  it("a route behind the route wrapper answers 503 temporarily unavailable, without database text", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const id = randomUUID();
    await getOrCreateConversation({ id, userId, modelId: "m" });
    await refuseWrites(database.current);
    const request = new Request(`http://localhost/api/conversations/${id}`, { method: "PATCH", body: JSON.stringify({ title: "New title" }) });
    await expectUnavailable(await patchConversation(request as never, { params: Promise.resolve({ id }) }));
    await allowWrites(database.current);
    expect((await getDb().conversation.findUnique({ where: { id } }))?.title).not.toBe("New title");
  });

  it("the session lookup failing (database unreachable) is a 503 too", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.mocked(getCurrentUser).mockRejectedValueOnce(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    const body = JSON.stringify({ conversationId: randomUUID(), modelId: "m", message: { id: randomUUID(), text: "hello" } });
    await expectUnavailable(await postChat(new Request("http://localhost/api/chat", { method: "POST", body })));
  });
});

describe(`sign-in while the database cannot write, on ${testProvider()}`, () => {
  it("sends the sign-in page a code, never the database's error text", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { authOptions } = await import("@/lib/auth/options");
    const provider = authOptions().providers.find((entry) => entry.id === "credentials") as unknown as {
      options: { authorize: (credentials: Record<string, string>) => Promise<unknown> };
    };
    await refuseWrites(database.current);
    // A wrong password is written to the audit log: that write fails.
    const error = await provider.options.authorize({ email: "ann@example.com", password: "wrong password 123" }).then(
      () => null,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toBe("Unavailable");
  });
});
