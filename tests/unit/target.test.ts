import path from "node:path";
import { describe, expect, it } from "vitest";
import { providerSchemas } from "@/lib/db/schema-files";
import { DEFAULT_SQLITE_PATH, databaseTargetFrom } from "@/lib/db/target";

describe("databaseTargetFrom", () => {
  const cwd = path.resolve("/srv/chat");

  it("uses the embedded SQLite file without DATABASE_URL", () => {
    expect(databaseTargetFrom(undefined, cwd)).toEqual({ provider: "sqlite", path: path.join(cwd, "data", "chat.db") });
    expect(databaseTargetFrom("", cwd)).toEqual({ provider: "sqlite", path: path.resolve(cwd, DEFAULT_SQLITE_PATH) });
  });

  it.each(["postgresql://chat:pw@db:5432/chat", "postgres://db/chat", "POSTGRESQL://db/chat?sslmode=require"])(
    "reads %s as PostgreSQL, keeping the URL as given",
    (url) => {
      expect(databaseTargetFrom(url, cwd)).toEqual({ provider: "postgres", url });
    },
  );

  it("resolves a relative file: URL against the working directory", () => {
    expect(databaseTargetFrom("file:./var/chat.db", cwd)).toEqual({ provider: "sqlite", path: path.join(cwd, "var", "chat.db") });
  });

  it("keeps an absolute file: path", () => {
    const file = path.resolve("/var/lib/chat/chat.db");
    expect(databaseTargetFrom(`file:${file}`, cwd)).toEqual({ provider: "sqlite", path: file });
  });

  it("keeps an in-memory SQLite database", () => {
    expect(databaseTargetFrom("file::memory:", cwd)).toEqual({ provider: "sqlite", path: ":memory:" });
  });

  it.each(["mysql://db/chat", "sqlite:chat.db", "chat.db"])("refuses %s", (url) => {
    expect(() => databaseTargetFrom(url, cwd)).toThrow(/DATABASE_URL must start with/);
  });
});

describe("providerSchemas", () => {
  it("writes one schema per provider: its header, then the shared models unchanged", () => {
    const models = "model Thing {\n  id String @id\n}\n";
    const schemas = providerSchemas(models);
    expect(schemas.map(({ provider, path: file }) => [provider, file])).toEqual([
      ["sqlite", "prisma/sqlite/schema.prisma"],
      ["postgres", "prisma/postgres/schema.prisma"],
    ]);
    const [sqlite, postgres] = schemas;
    expect(sqlite!.text.endsWith(`\n${models}`)).toBe(true);
    expect(postgres!.text.endsWith(`\n${models}`)).toBe(true);
    expect(sqlite!.text).toMatch(/provider\s+=\s+"sqlite"/);
    expect(sqlite!.text).toContain('output          = "../../lib/db/generated/sqlite"');
    expect(postgres!.text).toMatch(/provider\s+=\s+"postgresql"/);
    expect(postgres!.text).toContain('output          = "../../lib/db/generated/postgres"');
  });
});
