import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cacheSqliteStatements } from "@/lib/db/sqlite-statement-cache";

// The part of better-sqlite3's interface Prisma's SQLite adapter uses: prepare(sql).bind(args), then reader, run,
// columns and raw().all.
type AdapterStatement = {
  reader: boolean;
  run(): { changes: number };
  columns(): Array<{ name: string; type: string | null }>;
  raw(): { all(): unknown[][] };
};
type AdapterDb = { prepare(sql: string): { bind(args: unknown[]): AdapterStatement; run(): unknown } };

describe("cacheSqliteStatements", () => {
  it("runs one SQL text many times with different parameters, as the adapter binds them", () => {
    const db = new Database(":memory:");
    db.exec(`CREATE TABLE "Item" ("id" TEXT PRIMARY KEY, "n" INTEGER)`);
    cacheSqliteStatements(db);
    const adapterDb = db as unknown as AdapterDb;

    const insert = `INSERT INTO "Item" ("id", "n") VALUES (?, ?)`;
    expect(adapterDb.prepare(insert).bind(["a", 1]).run().changes).toBe(1);
    expect(adapterDb.prepare(insert).bind(["b", 2]).run().changes).toBe(1);

    const select = `SELECT "id", "n" FROM "Item" WHERE "n" >= ? ORDER BY "id"`;
    const all = adapterDb.prepare(select).bind([1]);
    expect(all.reader).toBe(true);
    expect(all.columns().map((column) => column.name)).toEqual(["id", "n"]);
    expect(all.raw().all()).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(adapterDb.prepare(select).bind([2]).raw().all()).toEqual([["b", 2]]);
    expect(adapterDb.prepare(insert).bind(["c", 3]).reader).toBe(false);

    adapterDb.prepare("BEGIN").run();
    adapterDb.prepare(insert).bind(["d", 4]).run();
    adapterDb.prepare("ROLLBACK").run();
    expect(adapterDb.prepare(`SELECT count(*) FROM "Item"`).bind([]).raw().all()).toEqual([[2]]);
    db.close();
  });

  it("reports a statement's error on every use, not only the first", () => {
    const db = new Database(":memory:");
    db.exec(`CREATE TABLE "Item" ("id" TEXT PRIMARY KEY)`);
    cacheSqliteStatements(db);
    const adapterDb = db as unknown as AdapterDb;
    const insert = `INSERT INTO "Item" ("id") VALUES (?)`;
    adapterDb.prepare(insert).bind(["a"]).run();
    expect(() => adapterDb.prepare(insert).bind(["a"]).run()).toThrow(/UNIQUE/);
    expect(() => adapterDb.prepare(insert).bind(["a"]).run()).toThrow(/UNIQUE/);
    expect(adapterDb.prepare(insert).bind(["b"]).run().changes).toBe(1);
    db.close();
  });
});
