import { randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PATCH as patchModel } from "@/app/(admin)/api/admin/models/[id]/route";
import { POST as postStop } from "@/app/(chat)/api/chat/[id]/stop/route";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { DELETE as deleteConversation, PATCH as patchConversation } from "@/app/(chat)/api/conversations/[id]/route";
import { POST as postFeedback } from "@/app/(chat)/api/messages/[id]/feedback/route";
import { POST as postPreset } from "@/app/(chat)/api/presets/route";
import { getDb } from "@/lib/db/client";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser } from "../support/signed-in-user";

// The routes themselves refuse writes from another origin, with a valid session: proxy.ts lets such requests
// through precisely so that the route answers them, so nothing else stands in the way.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));
vi.stubEnv("APP_URL", "https://chat.example.com");

const database = useTestDatabase();
afterAll(() => vi.unstubAllEnvs());
beforeEach(async () => {
  await database.reset();
});

const CROSS_ORIGIN_MARKS: Record<string, Record<string, string>> = {
  "another site": { "sec-fetch-site": "cross-site", origin: "https://evil.test" },
  "another origin of the same site": { "sec-fetch-site": "same-site", origin: "https://wiki.example.com" },
  "an Origin header alone": { origin: "https://wiki.example.com" },
};

function request(path: string, method: string, headers: Record<string, string>, body?: unknown) {
  return new NextRequest(`https://chat.example.com${path}`, {
    method,
    headers: { "content-type": "text/plain", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe(`writes from another origin on ${testProvider()}`, () => {
  for (const [name, headers] of Object.entries(CROSS_ORIGIN_MARKS)) {
    it(`are refused with 403 on every kind of write route, signed in or not: ${name}`, async () => {
      const admin = await newUser("admin@example.com", "admin");
      actAs(admin);
      const id = randomUUID();
      const responses = [
        await postPreset(request("/api/presets", "POST", headers, { name: "Planted" }), params(id)),
        await postChat(request("/api/chat", "POST", headers, { conversationId: id, modelId: "m", message: { id: randomUUID(), text: "hi" } })),
        await postStop(request(`/api/chat/${id}/stop`, "POST", headers), params(id)),
        await patchConversation(request(`/api/conversations/${id}`, "PATCH", headers, { title: "x" }), params(id)),
        await deleteConversation(request(`/api/conversations/${id}`, "DELETE", headers), params(id)),
        await postFeedback(request(`/api/messages/${id}/feedback`, "POST", headers, { value: 1 }), params(id)),
        await patchModel(request(`/api/admin/models/${id}`, "PATCH", headers, { enabled: false }), params(id)),
      ];
      for (const response of responses) {
        expect(response.status, response.url).toBe(403);
        expect(await response.json()).toEqual({ error: { code: "forbidden", message: "This request must come from the app's own pages." } });
      }
      expect(await getDb().preset.count()).toBe(0);
      expect(await getDb().conversation.count()).toBe(0);
    });
  }

  it("lets the app's own pages write", async () => {
    actAs(await newUser("user@example.com"));
    const own = await postPreset(
      request("/api/presets", "POST", { "sec-fetch-site": "same-origin", origin: "https://chat.example.com" }, { name: "Mine" }),
      params("x"),
    );
    expect(own.status).toBe(201);
    expect(await getDb().preset.count()).toBe(1);
  });
});
