import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

// Direct database access for the end-to-end tests, mirroring what an admin action does to a user (status, role),
// so a test can check that the change takes effect on the user's very next request. Table and column names are
// Prisma's (prisma/models.prisma): "User" with "email", "role" and "status".

export type Role = "admin" | "user";
export type UserStatus = "active" | "disabled";
export type UserRow = { id: string; email: string; name: string | null; role: Role; status: UserStatus };

export interface TestDb {
  findUser(email: string): Promise<UserRow | null>;
  countUsers(): Promise<number>;
  setUserStatus(email: string, status: UserStatus): Promise<void>;
  setUserRole(email: string, role: Role): Promise<void>;
  close(): Promise<void>;
}

export type DbTarget = { kind: "sqlite"; dataDir: string } | { kind: "postgres"; url: string };

function expectOneRow(changes: number, email: string) {
  if (changes !== 1) throw new Error(`expected to update one user ${email}, updated ${changes}`);
}

function sqliteDb(dataDir: string): TestDb {
  // The app server owns the file (WAL mode); wait for its writes instead of failing.
  const db = new Database(path.join(dataDir, "chat.db"), { fileMustExist: true, timeout: 15_000 });
  const userColumns = `"id", "email", "name", "role", "status"`;
  return {
    async findUser(email) {
      return (db.prepare(`SELECT ${userColumns} FROM "User" WHERE "email" = ?`).get(email) as UserRow | undefined) ?? null;
    },
    async countUsers() {
      return (db.prepare(`SELECT COUNT(*) AS "count" FROM "User"`).get() as { count: number }).count;
    },
    async setUserStatus(email, status) {
      expectOneRow(db.prepare(`UPDATE "User" SET "status" = ? WHERE "email" = ?`).run(status, email).changes, email);
    },
    async setUserRole(email, role) {
      expectOneRow(db.prepare(`UPDATE "User" SET "role" = ? WHERE "email" = ?`).run(role, email).changes, email);
    },
    async close() {
      db.close();
    },
  };
}

function postgresDb(url: string): TestDb {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const userColumns = `"id", "email", "name", "role"::text AS "role", "status"::text AS "status"`;
  return {
    async findUser(email) {
      const { rows } = await pool.query<UserRow>(`SELECT ${userColumns} FROM "User" WHERE "email" = $1`, [email]);
      return rows[0] ?? null;
    },
    async countUsers() {
      const { rows } = await pool.query<{ count: string }>(`SELECT COUNT(*) AS "count" FROM "User"`);
      return Number(rows[0]?.count ?? 0);
    },
    async setUserStatus(email, status) {
      const result = await pool.query(`UPDATE "User" SET "status" = $1 WHERE "email" = $2`, [status, email]);
      expectOneRow(result.rowCount ?? 0, email);
    },
    async setUserRole(email, role) {
      const result = await pool.query(`UPDATE "User" SET "role" = $1 WHERE "email" = $2`, [role, email]);
      expectOneRow(result.rowCount ?? 0, email);
    },
    async close() {
      await pool.end();
    },
  };
}

/** The database of the app server under test. */
export function openTestDb(target: DbTarget): TestDb {
  return target.kind === "sqlite" ? sqliteDb(target.dataDir) : postgresDb(target.url);
}
