import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { BackendOptions } from "../fixtures";

// Groups straight in the database of the app under test (the admin console's Groups page is built separately): a
// group with members, as an SSO sign-in or an admin would leave it. Table names are Prisma's (prisma/models.prisma).

export interface GroupDb {
  createGroup(name: string, memberEmails: string[]): Promise<string>;
  close(): Promise<void>;
}

export function openGroupDb(backend: BackendOptions): GroupDb {
  if (backend.name === "sqlite") {
    if (!backend.dataDir) throw new Error("backend.dataDir is not set");
    const db = new Database(path.join(backend.dataDir, "chat.db"), { fileMustExist: true, timeout: 15_000 });
    return {
      async createGroup(name, memberEmails) {
        const id = randomUUID();
        // Prisma's SQLite adapter stores times as ISO 8601 with an explicit offset.
        const now = new Date().toISOString().replace("Z", "+00:00");
        db.prepare(`INSERT INTO "Group" ("id", "name", "updatedAt") VALUES (?, ?, ?)`).run(id, name, now);
        for (const email of memberEmails) {
          db.prepare(`INSERT INTO "GroupMember" ("groupId", "userId") SELECT ?, "id" FROM "User" WHERE "email" = ?`).run(id, email);
        }
        return id;
      },
      async close() {
        db.close();
      },
    };
  }
  if (!backend.databaseUrl) throw new Error("backend.databaseUrl is not set");
  const pool = new pg.Pool({ connectionString: backend.databaseUrl, max: 2 });
  return {
    async createGroup(name, memberEmails) {
      const id = randomUUID();
      await pool.query(`INSERT INTO "Group" ("id", "name", "updatedAt") VALUES ($1, $2, now())`, [id, name]);
      for (const email of memberEmails) {
        await pool.query(`INSERT INTO "GroupMember" ("groupId", "userId") SELECT $1, "id" FROM "User" WHERE "email" = $2`, [id, email]);
      }
      return id;
    },
    async close() {
      await pool.end();
    },
  };
}
