import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { providers } from "../../lib/db/schema-files";

// Writes a migration for each provider from the difference between the schema the last migration produced
// (migrations/schema.snapshot.prisma) and the current one. `prisma migrate dev` needs an engine binary;
// `migrate diff` between two schema files needs neither a binary nor a database.
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

for (const provider of providers) {
  const dir = path.join("prisma", provider);
  const schema = path.join(dir, "schema.prisma");
  const snapshot = path.join(dir, "migrations", "schema.snapshot.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const diff = spawnSync("prisma", ["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
    encoding: "utf8",
    env: { ...process.env, PRISMA_PROVIDER: provider },
  });
  if (diff.status !== 0) {
    console.error(diff.stderr);
    process.exit(1);
  }
  if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|PRAGMA)\b/.test(diff.stdout)) {
    console.log(`${provider}: schema unchanged, no migration written`);
    continue;
  }
  const target = path.join(dir, "migrations", `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "migration.sql"), diff.stdout);
  copyFileSync(schema, snapshot);
  console.log(`${provider}: wrote ${target}/migration.sql`);
}
