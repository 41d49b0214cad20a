import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db, getDb } from "@/lib/db/client";
import { isDatabaseHealthy } from "@/lib/db/health";
import { testProvider, useTestDatabase } from "../support/database";

// lib/db/health.ts answers the readiness probe: true on a live database, false (never a throw, never a hang) when
// the database cannot be reached.

useTestDatabase();

const globalForDb = globalThis as unknown as { chatDb?: Db };

/** Runs `check` with lib/db's client swapped for `db`, then restores the test database's client. */
async function withClient<T>(db: Db, check: () => Promise<T>): Promise<T> {
  const original = getDb();
  globalForDb.chatDb = db;
  try {
    return await check();
  } finally {
    globalForDb.chatDb = original;
    await db.$disconnect().catch(() => undefined);
  }
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe(`isDatabaseHealthy with the ${testProvider()} test database`, () => {
  it("is true on the live database", async () => {
    expect(await isDatabaseHealthy()).toBe(true);
  });

  it("is false when PostgreSQL refuses the connection", async () => {
    // Port 1 on the loopback interface: nothing listens there, so the connection is refused at once.
    const unreachable = createDb({ provider: "postgres", url: "postgresql://postgres@127.0.0.1:1/chat" });
    expect(await withClient(unreachable, () => isDatabaseHealthy(5_000))).toBe(false);
    // And the real client is back afterwards.
    expect(await isDatabaseHealthy()).toBe(true);
  });

  it("is false, after its timeout, when PostgreSQL accepts the connection but never answers", async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const hanging = createDb({ provider: "postgres", url: `postgresql://postgres@127.0.0.1:${port}/chat` });
      const result = await withClient(hanging, async () => {
        const healthy = await isDatabaseHealthy(300);
        // Let the pending connection fail so the client can be disconnected.
        for (const socket of sockets) socket.destroy();
        return healthy;
      });
      expect(result).toBe(false);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("is false when the SQLite file cannot be opened", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "chat-health-"));
    tempDirs.push(dir);
    // A file in a folder that does not exist: SQLite cannot create it (the app's migrate step would have).
    const unreadable = createDb({ provider: "sqlite", path: path.join(dir, "missing", "chat.db") });
    expect(await withClient(unreadable, () => isDatabaseHealthy(5_000))).toBe(false);
    expect(await isDatabaseHealthy()).toBe(true);
  });
});
