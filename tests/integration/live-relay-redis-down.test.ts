import { randomUUID } from "node:crypto";
import { beforeAll, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { GET as getReady } from "@/app/api/health/ready/route";
import { followRelayedAnswer } from "@/lib/chat/live-relay";
import { storedText } from "@/lib/chat/stored-message";
import type { SendMessageInput } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";
import { saveModel } from "@/lib/models/save-model";
import { ECHO_PHRASE } from "@/tests/fakes/index";
import { useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { signInNewUser } from "../support/signed-in-user";

// REDIS_URL set but nothing answers there: answers are written and saved as always, a reader on another instance
// gets null quickly (the route then answers 204 and the page shows the saved text), and the instance stays ready.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
// Port 1: connections are refused at once.
vi.stubEnv("REDIS_URL", "redis://127.0.0.1:1");

useTestDatabase();
const fakes = useFakes();

beforeAll(async () => {
  await signInNewUser();
  await saveModel({
    id: "azure",
    name: "GPT-4o",
    config: { provider: "azure-openai", endpoint: fakes.azure.url, deployment: "gpt-4o", apiKey: fakes.azure.apiKey },
    isDefault: true,
  });
});

it("with Redis down the answer streams and is saved, and following it elsewhere falls back", async () => {
  const body: SendMessageInput = { conversationId: randomUUID(), modelId: "azure", message: { id: randomUUID(), text: `${ECHO_PHRASE} all is well` } };
  const response = await postChat(
    new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  );
  expect(response.status).toBe(200);
  expect(await response.text()).toContain("well");
  const answer = await vi.waitFor(async () => {
    const row = await getDb().message.findFirstOrThrow({ where: { conversationId: body.conversationId, role: "assistant" } });
    expect(row.status).toBe("complete");
    return row;
  });
  expect(storedText(answer.parts)).toBe("all is well");
  const startedAt = Date.now();
  expect(await followRelayedAnswer(answer.id)).toBeNull();
  expect(Date.now() - startedAt).toBeLessThan(5_000);
});

it("with Redis down the instance stays ready, reported as degraded", async () => {
  const response = await getReady();
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "degraded", checks: { shutdown: "ok", database: "ok", migrations: "ok", redis: "failing" } });
});
