import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postChat } from "@/app/(chat)/api/chat/route";
import { GET as getLive } from "@/app/api/health/live/route";
import { GET as getReady } from "@/app/api/health/ready/route";
import { allActiveGenerations } from "@/lib/chat/generation-registry";
import { storedText } from "@/lib/chat/stored-message";
import type { SendMessageInput } from "@/lib/chat/types";
import { getDb } from "@/lib/db/client";
import { saveModel } from "@/lib/models/save-model";
import { resetShutdownForTests, shutDown } from "@/lib/server/shutdown";
import { ECHO_PHRASE, magicPhrase } from "@/tests/fakes/index";
import { useTestDatabase } from "../support/database";
import { useFakes } from "../support/fakes";
import { signInNewUser } from "../support/signed-in-user";
import { waitFor } from "../support/wait-for";

// The probes and the graceful shutdown, in process against the real database and Redis: readiness follows the
// database, the migrations and Redis; a shutdown refuses new answers, lets short ones finish and stores the others
// with their text, marked interrupted.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
// Read once by lib/env, before the database is pointed at: readiness checks this Redis.
vi.stubEnv("REDIS_URL", process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");

const database = useTestDatabase();
const fakes = useFakes();

beforeEach(async () => {
  resetShutdownForTests();
  await database.reset();
  fakes.azure.reset();
  await signInNewUser();
  await saveModel({
    id: "azure",
    name: "GPT-4o",
    config: {
      provider: "azure-openai",
      endpoint: fakes.azure.url,
      deployment: "gpt-4o",
      apiKey: fakes.azure.apiKey,
      timeouts: { connectMs: 5_000, firstTokenMs: 5_000, idleMs: 10_000 },
    },
    isDefault: true,
  });
});

function send(text: string): Promise<Response> {
  const body: SendMessageInput = { conversationId: randomUUID(), modelId: "azure", message: { id: randomUUID(), text } };
  return postChat(new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}

async function readiness() {
  const response = await getReady();
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string> } };
}

describe("health probes", () => {
  it("live answers 200 without touching anything", async () => {
    const response = getLive();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("ready is 503 while a migration is missing, and 200 with database, migrations and Redis", async () => {
    const [last] = await getDb().$queryRawUnsafe<{ name: string; checksum: string }[]>(
      `SELECT name, checksum FROM "_app_migrations" ORDER BY name DESC LIMIT 1`,
    );
    await getDb().$executeRawUnsafe(`DELETE FROM "_app_migrations" WHERE name = '${last!.name}'`);
    const missing = await readiness();
    expect(missing.status).toBe(503);
    expect(missing.body.checks).toMatchObject({ database: "ok", migrations: "failing", redis: "ok" });

    await getDb().$executeRawUnsafe(
      `INSERT INTO "_app_migrations" (name, checksum, applied_at) VALUES ('${last!.name}', '${last!.checksum}', CURRENT_TIMESTAMP)`,
    );
    const ready = await readiness();
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: "ok", checks: { shutdown: "ok", database: "ok", migrations: "ok", redis: "ok" } });
  });
});

describe("graceful shutdown", () => {
  it("refuses new answers, lets short ones finish, stores cut ones with their text as interrupted", async () => {
    // Two answers that stall after two tokens (they would only end at the backend's idle timeout) and one that ends
    // quickly.
    fakes.azure.timings = { ...fakes.azure.timings, tokenDelayMs: 5 };
    const stalled = await Promise.all([send(`first ${magicPhrase("stall")}`), send(`second ${magicPhrase("stall")}`)]);
    for (const response of stalled) expect(response.status).toBe(200);
    // Both stalled answers have saved their first tokens (partial saves go out together, one tick apart).
    await waitFor(async () => {
      const streaming = await getDb().message.findMany({ where: { role: "assistant", status: "streaming" } });
      return streaming.filter((row) => storedText(row.parts).length > 0).length >= 2;
    });
    // The quick one starts last, so it is still being written when the shutdown begins.
    const quick = await send(`${ECHO_PHRASE} one two three four five six seven eight`);
    expect(quick.status).toBe(200);
    expect(allActiveGenerations()).toHaveLength(3);

    // Long enough for the quick answer on a busy machine; the stalled ones would need the 10 s idle timeout.
    const draining = shutDown(4_000);
    const refused = await send("a new question");
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: "shutting_down" } });
    expect(refused.headers.get("retry-after")).toBe("2");
    const notReady = await readiness();
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks.shutdown).toBe("shutting_down");

    const report = await draining;
    expect(report).toEqual({ finished: 1, interrupted: 2 });
    expect(allActiveGenerations()).toHaveLength(0);
    const answers = await getDb().message.findMany({ where: { role: "assistant" }, orderBy: { createdAt: "asc" } });
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual(["complete", "interrupted", "interrupted"]);
    for (const answer of answers.filter((row) => row.status === "interrupted")) {
      // The two tokens sent before the stall are kept.
      expect(storedText(answer.parts).length).toBeGreaterThan(0);
    }
    expect(storedText(answers.find((row) => row.status === "complete")!.parts)).toBe("one two three four five six seven eight");
    // The refused question stored nothing.
    expect(await getDb().message.count({ where: { role: "user" } })).toBe(3);
  });
});
