import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import * as postgresClient from "@/lib/db/generated/postgres";
import * as sqliteClient from "@/lib/db/generated/sqlite";
import { loadMigrations } from "@/lib/db/migrations";
import { type DatabaseProvider, providerSchemas, providers } from "@/lib/db/schema-files";
import { repoRoot, testProvider, useTestDatabase } from "../support/database";
import { type ParsedSchema, parsePrismaSchema } from "../support/prisma-schema";

// One data model, two providers: the committed schemas must be what models.prisma generates, the two generated
// clients must describe the same models, and a migrated database must have exactly the tables and columns the
// model defines (so a model change without a migration, or a hand-edited migration, shows up here).

const provider = testProvider();
const database = useTestDatabase();
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");

type RuntimeField = { name: string; kind: string; type: string; relationName?: string };
type RuntimeDataModel = { models: { name: string; dbName: string | null; fields: RuntimeField[] }[] };
type GeneratedClient = { Prisma: { dmmf: { datamodel: RuntimeDataModel } }; $Enums: Record<string, Record<string, string>> };

const clients: Record<DatabaseProvider, GeneratedClient> = {
  sqlite: sqliteClient as unknown as GeneratedClient,
  postgres: postgresClient as unknown as GeneratedClient,
};

const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name));

/** The schema Prisma generated a client from (it keeps a copy next to the client). */
function schemaOfGeneratedClient(which: DatabaseProvider): ParsedSchema {
  return parsePrismaSchema(read(`lib/db/generated/${which}/schema.prisma`));
}

/**
 * What a generated client defines, normalised for comparison: its run-time data model (models, db names, fields
 * with kind, type and relation) and its enums, joined with each field's list/optional/default/attribute details
 * from the schema it was generated from.
 */
function describeClient(which: DatabaseProvider) {
  const client = clients[which];
  const schema = schemaOfGeneratedClient(which);
  return {
    enums: byName(Object.entries(client.$Enums).map(([name, values]) => ({ name, values: Object.values(values) }))),
    models: byName(
      client.Prisma.dmmf.datamodel.models.map((model) => {
        const parsed = schema.models.find((candidate) => candidate.name === model.name);
        if (!parsed) throw new Error(`${which}: model ${model.name} is in the client but not in its schema`);
        return {
          name: model.name,
          dbName: model.dbName,
          blockAttributes: parsed.blockAttributes,
          fields: model.fields.map((field) => {
            const details = parsed.fields.find((candidate) => candidate.name === field.name);
            if (!details) throw new Error(`${which}: field ${model.name}.${field.name} is in the client but not in its schema`);
            return {
              name: field.name,
              kind: field.kind,
              type: field.type,
              relationName: field.relationName ?? null,
              isList: details.isList,
              isRequired: details.isRequired,
              attributes: details.attributes,
            };
          }),
        };
      }),
    ),
  };
}

describe("schema files", () => {
  it("prisma/<provider>/schema.prisma are exactly what `npm run db:schemas` writes from models.prisma", () => {
    const expected = providerSchemas(read("prisma/models.prisma"));
    expect(expected.map((schema) => schema.provider)).toEqual([...providers]);
    for (const schema of expected) {
      expect(read(schema.path), `${schema.path} differs from models.prisma: run npm run db:schemas`).toBe(schema.text);
    }
  });

  it.each(providers)("the %s client was generated from the committed schema (npm run db:generate)", (which) => {
    const committed = parsePrismaSchema(read(`prisma/${which}/schema.prisma`));
    const generatedFrom = schemaOfGeneratedClient(which);
    expect(generatedFrom).toEqual(committed);

    // The client's own run-time data model agrees with that schema on every model, field, kind of field and type.
    const runtime = clients[which].Prisma.dmmf.datamodel.models.map((model) => ({
      name: model.name,
      fields: model.fields.map((field) => ({ name: field.name, type: field.type })),
    }));
    expect(byName(runtime)).toEqual(
      byName(committed.models.map((model) => ({ name: model.name, fields: model.fields.map(({ name, type }) => ({ name, type })) }))),
    );
    expect(byName(Object.entries(clients[which].$Enums).map(([name, values]) => ({ name, values: Object.values(values) })))).toEqual(byName(committed.enums));
  });

  it("the SQLite and PostgreSQL clients define the same models, enums and fields", () => {
    const sqlite = describeClient("sqlite");
    const postgres = describeClient("postgres");
    // Not a comparison of two empty lists.
    expect(sqlite.models.map((model) => model.name)).toEqual(expect.arrayContaining(["User", "Identity", "Session", "Setting"]));
    expect(sqlite.enums.map((entry) => entry.name)).toEqual(["MessageRole", "MessageStatus", "Role", "UserStatus"]);
    const user = sqlite.models.find((model) => model.name === "User")!;
    expect(user.fields.find((field) => field.name === "role")).toEqual({
      name: "role",
      kind: "enum",
      type: "Role",
      relationName: null,
      isList: false,
      isRequired: true,
      attributes: ["@default(user)"],
    });
    expect(user.fields.find((field) => field.name === "name")).toMatchObject({ isRequired: false, isList: false });
    expect(user.fields.find((field) => field.name === "sessions")).toMatchObject({ kind: "object", isList: true });

    expect(postgres).toEqual(sqlite);
  });

  it(`the ${provider} migrations end at the current schema (every model change has a migration)`, () => {
    const snapshot = read(`prisma/${provider}/migrations/schema.snapshot.prisma`);
    expect(snapshot, `prisma/${provider}/schema.prisma changed since the last migration: run npm run db:migration -- <name>`).toBe(
      read(`prisma/${provider}/schema.prisma`),
    );
  });
});

type Column = { table: string; column: string; type: string; nullable: boolean };

const sqliteTypes: Record<string, string> = {
  String: "TEXT",
  Int: "INTEGER",
  BigInt: "BIGINT",
  Float: "REAL",
  Decimal: "DECIMAL",
  Boolean: "BOOLEAN",
  DateTime: "DATETIME",
  Json: "JSONB",
  Bytes: "BLOB",
};
const postgresTypes: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** The tables and columns the data model defines, with the column type each provider's migration writer uses. */
function expectedColumns(which: DatabaseProvider): Column[] {
  const { models } = describeClient(which);
  return models.flatMap((model) =>
    model.fields
      .filter((field) => field.kind !== "object")
      .map((field) => {
        const type =
          field.kind === "enum" ? (which === "sqlite" ? "TEXT" : `enum ${field.type}`) : (which === "sqlite" ? sqliteTypes : postgresTypes)[field.type];
        if (!type) throw new Error(`no column type known for ${model.name}.${field.name} of type ${field.type}`);
        return { table: model.dbName ?? model.name, column: field.name, type, nullable: !field.isRequired };
      }),
  );
}

const MIGRATIONS_TABLE = "_app_migrations";

async function actualColumns(): Promise<Column[]> {
  const { target } = database.current;
  if (target.provider === "sqlite") {
    const db = new Database(target.path, { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?").all(MIGRATIONS_TABLE) as {
        name: string;
      }[];
      return tables.flatMap(({ name: table }) =>
        (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number }[]).map((column) => ({
          table,
          column: column.name,
          type: column.type,
          nullable: column.notnull === 0,
        })),
      );
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> $1",
      [MIGRATIONS_TABLE],
    );
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      "SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> $1",
      [MIGRATIONS_TABLE],
    );
    // A table without columns would not show up in information_schema.columns.
    const withColumns = new Set(rows.map((row) => row.table_name));
    return [
      ...rows.map((row) => ({
        table: row.table_name,
        column: row.column_name,
        type: row.data_type === "USER-DEFINED" ? `enum ${row.udt_name}` : row.data_type,
        nullable: row.is_nullable === "YES",
      })),
      ...tables.filter((row) => !withColumns.has(row.table_name)).map((row) => ({ table: row.table_name, column: "", type: "", nullable: true })),
    ];
  } finally {
    await client.end();
  }
}

const sortColumns = (columns: Column[]) => [...columns].sort((a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column));

describe(`the migrated ${provider} database`, () => {
  it("has exactly the tables and columns of the data model, with matching types and nullability", async () => {
    const expected = sortColumns(expectedColumns(provider));
    const actual = sortColumns(await actualColumns());
    expect(new Set(actual.map((column) => column.table))).toEqual(new Set(expected.map((column) => column.table)));
    expect(actual).toEqual(expected);
  });

  it("has the primary keys, unique constraints and indexes of the data model", async () => {
    expect(sortIndexes(await actualIndexes())).toEqual(sortIndexes(expectedIndexes(provider)));
  });

  it("records every applied migration in _app_migrations", async () => {
    const expected = loadMigrations(provider, repoRoot).map((migration) => migration.name);
    expect(expected.length).toBeGreaterThan(0);
    expect(await appliedMigrationNames()).toEqual(expected);
  });

  if (provider === "postgres") {
    it("has the data model's enums as PostgreSQL enum types, values in order", async () => {
      const client = new pg.Client({ connectionString: database.current.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string; values: string[] }>(
          `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
             FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = 'public' GROUP BY t.typname`,
        );
        expect(byName(rows)).toEqual(describeClient("postgres").enums);
      } finally {
        await client.end();
      }
    });
  }
});

type Index = { table: string; kind: "primary" | "unique" | "index"; columns: string[] };

const sortIndexes = (indexes: Index[]) => indexes.map((index) => `${index.table} ${index.kind} (${index.columns.join(", ")})`).sort();

/** Primary keys (@id, @@id), unique constraints (@unique, @@unique) and indexes (@@index) the data model asks for. */
function expectedIndexes(which: DatabaseProvider): Index[] {
  const columnsOf = (attribute: string) => {
    const list = /\[([^\]]*)\]/.exec(attribute);
    if (!list) throw new Error(`cannot read the fields of ${attribute}`);
    return list[1]!.split(",").map((column) => column.replace(/\(.*\)/, "").trim());
  };
  return describeClient(which).models.flatMap((model) => {
    const table = model.dbName ?? model.name;
    const fromFields = model.fields.flatMap((field): Index[] => [
      ...(field.attributes.includes("@id") ? [{ table, kind: "primary" as const, columns: [field.name] }] : []),
      ...(field.attributes.includes("@unique") ? [{ table, kind: "unique" as const, columns: [field.name] }] : []),
    ]);
    const fromBlock = model.blockAttributes.map((attribute): Index => {
      const kind = attribute.startsWith("@@id(") ? "primary" : attribute.startsWith("@@unique(") ? "unique" : attribute.startsWith("@@index(") ? "index" : null;
      if (!kind) throw new Error(`${model.name}: no index expectation for ${attribute}`);
      return { table, kind, columns: columnsOf(attribute) };
    });
    return [...fromFields, ...fromBlock];
  });
}

async function actualIndexes(): Promise<Index[]> {
  const { target } = database.current;
  if (target.provider === "sqlite") {
    const db = new Database(target.path, { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?").all(MIGRATIONS_TABLE) as {
        name: string;
      }[];
      return tables.flatMap(({ name: table }): Index[] => {
        const primary = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[])
          .filter((column) => column.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((column) => column.name);
        const indexes = (db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string }[])
          .filter((index) => index.origin !== "pk")
          .map(
            (index): Index => ({
              table,
              kind: index.unique ? "unique" : "index",
              columns: (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { seqno: number; name: string }[])
                .sort((a, b) => a.seqno - b.seqno)
                .map((column) => column.name),
            }),
          );
        return [...(primary.length ? [{ table, kind: "primary" as const, columns: primary }] : []), ...indexes];
      });
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table: string; primary: boolean; unique: boolean; columns: string[] }>(
      `SELECT t.relname AS table, ix.indisprimary AS primary, ix.indisunique AS unique,
              array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> $1`,
      [MIGRATIONS_TABLE],
    );
    return rows.map((row) => ({ table: row.table, kind: row.primary ? "primary" : row.unique ? "unique" : "index", columns: row.columns }));
  } finally {
    await client.end();
  }
}

async function appliedMigrationNames(): Promise<string[]> {
  const { target } = database.current;
  if (target.provider === "sqlite") {
    const db = new Database(target.path, { readonly: true });
    try {
      return (db.prepare(`SELECT name FROM "${MIGRATIONS_TABLE}" ORDER BY name`).all() as { name: string }[]).map((row) => row.name);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM "${MIGRATIONS_TABLE}" ORDER BY name`);
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}
