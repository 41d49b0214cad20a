import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/database";

// The audit log is append-only for the app: no code outside the tests may update or delete an AuditLogEntry, and
// lib/db/audit.ts, the only writer, only inserts. A cheap guard that fails the build when someone adds either.

const SKIPPED_DIRS = new Set(["node_modules", ".git", "tests", "generated", "migrations", "test-results", "playwright-report", "data"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".next") || SKIPPED_DIRS.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const WRITES = [
  /auditLogEntry\s*\.\s*(update|updateMany|upsert|delete|deleteMany|updateManyAndReturn)\b/,
  /\bUPDATE\s+"?AuditLogEntry"?/i,
  /\bDELETE\s+FROM\s+"?AuditLogEntry"?/i,
  /\bTRUNCATE\b[^;]*"?AuditLogEntry"?/i,
];

describe("the audit log is append-only", () => {
  const files = sourceFiles(repoRoot);

  it("scans the application's source", () => {
    const relative = files.map((file) => path.relative(repoRoot, file));
    expect(relative).toContain(path.join("lib", "db", "audit.ts"));
    expect(relative.some((file) => file.startsWith(`app${path.sep}`))).toBe(true);
  });

  it("no source file updates or deletes audit entries", () => {
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return WRITES.filter((pattern) => pattern.test(text)).map((pattern) => `${path.relative(repoRoot, file)}: ${pattern}`);
    });
    expect(offenders).toEqual([]);
  });

  it("lib/db/audit.ts only inserts", () => {
    const text = readFileSync(path.join(repoRoot, "lib/db/audit.ts"), "utf8");
    const calls = [...text.matchAll(/auditLogEntry\s*\.\s*(\w+)/g)].map((match) => match[1]);
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls)).toEqual(new Set(["create"]));
  });

  it("the audit routes only read", () => {
    const routes = files.filter((file) => file.includes(`${path.sep}audit${path.sep}`) && file.endsWith(`${path.sep}route.ts`));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      expect(readFileSync(route, "utf8"), route).not.toMatch(/export\s+(const|async function)\s+(POST|PUT|PATCH|DELETE)\b/);
    }
  });
});
