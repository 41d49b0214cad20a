import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { BackendOptions } from "../fixtures";

// Writes a long conversation straight into the app's database (typing 500 messages through the UI would take
// minutes): one branch, each message the child of the one before, the last one on show.

export type SeededConversation = { id: string; texts: string[] };

export async function seedLongConversation(backend: BackendOptions, userId: string, count: number): Promise<SeededConversation> {
  const id = randomUUID();
  const start = Date.now() - count * 1_000;
  const rows = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    role: index % 2 === 0 ? "user" : "assistant",
    text: index % 2 === 0 ? `Question number ${index / 2 + 1}` : `Answer number ${(index + 1) / 2}`,
    createdAt: new Date(start + index * 1_000),
  }));
  const withParents = rows.map((row, index) => ({ ...row, parentId: rows[index - 1]?.id ?? null, parts: JSON.stringify([{ type: "text", text: row.text }]) }));
  const last = rows.at(-1)?.id ?? null;
  const now = new Date();

  if (backend.name === "sqlite") {
    if (!backend.dataDir) throw new Error("backend.dataDir is not set");
    const db = new Database(path.join(backend.dataDir, "chat.db"), { fileMustExist: true, timeout: 15_000 });
    // Prisma's SQLite adapter stores ISO 8601 with an explicit offset.
    const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");
    try {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO "Conversation" ("id", "userId", "title", "titleIsSet", "createdAt", "updatedAt") VALUES (?, ?, 'A long conversation', 1, ?, ?)`,
        ).run(id, userId, iso(now), iso(now));
        const insert = db.prepare(
          `INSERT INTO "Message" ("id", "conversationId", "parentId", "role", "parts", "status", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 'complete', ?, ?)`,
        );
        for (const row of withParents) insert.run(row.id, id, row.parentId, row.role, row.parts, iso(row.createdAt), iso(row.createdAt));
        db.prepare(`UPDATE "Conversation" SET "activeMessageId" = ? WHERE "id" = ?`).run(last, id);
      })();
    } finally {
      db.close();
    }
  } else {
    if (!backend.databaseUrl) throw new Error("backend.databaseUrl is not set");
    const client = new pg.Client({ connectionString: backend.databaseUrl });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "Conversation" ("id", "userId", "title", "titleIsSet", "activeMessageId", "createdAt", "updatedAt") VALUES ($1, $2, 'A long conversation', true, $3, $4, $4)`,
        [id, userId, last, now],
      );
      for (const row of withParents) {
        await client.query(
          `INSERT INTO "Message" ("id", "conversationId", "parentId", "role", "parts", "status", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4::"MessageRole", $5::jsonb, 'complete', $6, $6)`,
          [row.id, id, row.parentId, row.role, row.parts, row.createdAt],
        );
      }
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
  }
  return { id, texts: rows.map((row) => row.text) };
}
