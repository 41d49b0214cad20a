import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { activePath } from "@/lib/chat/message-tree";
import { migrate } from "@/lib/db/migrate";
import type { DatabaseTarget } from "@/lib/db/target";
import { createScratchDatabase, repoRoot, type ScratchDatabase, testProvider } from "../support/database";

// The message-tree migration turns the messages stored before it into one branch per conversation (each message the
// child of the one before it) with the newest on show: what lib/chat/message-tree.ts then reads as the active path.

const provider = testProvider();
const TREE_MIGRATION = "20261125040850_admin_console_and_message_tree";

const databases: ScratchDatabase[] = [];
const tempDirs: string[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the prisma folder with the tree migration and everything after it set aside, to be put back later. */
function prismaBeforeTheTree(): { root: string; restore(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), "chat-tree-"));
  tempDirs.push(root);
  cpSync(path.join(repoRoot, "prisma"), path.join(root, "prisma"), { recursive: true });
  const migrations = path.join(root, "prisma", provider, "migrations");
  const aside = path.join(root, "aside");
  cpSync(migrations, aside, { recursive: true });
  const later = readdirSync(migrations).filter((name) => /^\d{14}_/.test(name) && name >= TREE_MIGRATION);
  expect(later).toContain(TREE_MIGRATION);
  for (const name of later) rmSync(path.join(migrations, name), { recursive: true });
  return {
    root,
    restore() {
      for (const name of later) renameSync(path.join(aside, name), path.join(migrations, name));
    },
  };
}

async function run(target: DatabaseTarget, statements: string[]): Promise<Array<Record<string, unknown>>> {
  if (target.provider === "sqlite") {
    const db = new Database(target.path);
    try {
      let rows: Array<Record<string, unknown>> = [];
      for (const sql of statements) {
        const statement = db.prepare(sql);
        rows = statement.reader ? (statement.all() as Array<Record<string, unknown>>) : (statement.run(), []);
      }
      return rows;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    let rows: Array<Record<string, unknown>> = [];
    for (const sql of statements) rows = (await client.query(sql)).rows as Array<Record<string, unknown>>;
    return rows;
  } finally {
    await client.end();
  }
}

const at = (second: number) => `'2026-01-01T00:00:${String(second).padStart(2, "0")}.000Z'`;

function message(id: string, conversationId: string, role: string, second: number): string {
  return `INSERT INTO "Message" ("id", "conversationId", "role", "parts", "status", "createdAt", "updatedAt") VALUES ('${id}', '${conversationId}', '${role}', '[]', 'complete', ${at(second)}, ${at(second)})`;
}

describe(`the message-tree migration on ${provider}`, () => {
  it("chains each conversation's existing messages into one branch, oldest first, and shows the newest", async () => {
    const database = await createScratchDatabase();
    databases.push(database);
    const { root, restore } = prismaBeforeTheTree();
    await migrate(database.target, root);

    await run(database.target, [
      `INSERT INTO "User" ("id", "email", "updatedAt") VALUES ('u1', 'ann@example.com', ${at(0)})`,
      ...["c1", "c2", "c3"].map((id) => `INSERT INTO "Conversation" ("id", "userId", "updatedAt") VALUES ('${id}', 'u1', ${at(0)})`),
      // Inserted out of order, and two in the same millisecond: the order is by time, then by id.
      message("c1-m3", "c1", "user", 3),
      message("c1-m1", "c1", "user", 1),
      message("c1-m2", "c1", "assistant", 2),
      message("c1-m4b", "c1", "assistant", 4),
      message("c1-m4a", "c1", "user", 4),
      message("c2-m1", "c2", "user", 2),
      message("c2-m2", "c2", "assistant", 5),
    ]);

    restore();
    expect((await migrate(database.target, root)).applied).toContain(TREE_MIGRATION);

    const rows = await run(database.target, [`SELECT "id", "conversationId", "parentId" FROM "Message" ORDER BY "id"`]);
    const parentOf = Object.fromEntries(rows.map((row) => [row.id, row.parentId]));
    expect(parentOf).toEqual({
      "c1-m1": null,
      "c1-m2": "c1-m1",
      "c1-m3": "c1-m2",
      "c1-m4a": "c1-m3",
      "c1-m4b": "c1-m4a",
      "c2-m1": null,
      "c2-m2": "c2-m1",
    });
    const conversations = await run(database.target, [`SELECT "id", "activeMessageId" FROM "Conversation" ORDER BY "id"`]);
    expect(conversations).toEqual([
      { id: "c1", activeMessageId: "c1-m4b" },
      { id: "c2", activeMessageId: "c2-m2" },
      { id: "c3", activeMessageId: null },
    ]);

    // The app then shows every old message, in the old order, as one branch.
    const tree = (await run(database.target, [`SELECT "id", "parentId", "createdAt" FROM "Message" WHERE "conversationId" = 'c1'`])).map((row) => ({
      id: String(row.id),
      parentId: row.parentId === null ? null : String(row.parentId),
      createdAt: new Date(String(row.createdAt instanceof Date ? row.createdAt.toISOString() : row.createdAt)),
    }));
    expect(activePath(tree, "c1-m4b").map((item) => item.id)).toEqual(["c1-m1", "c1-m2", "c1-m3", "c1-m4a", "c1-m4b"]);
  });
});
