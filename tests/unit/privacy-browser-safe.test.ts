import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib/privacy runs in the browser too (the composer highlights findings as the user types): nothing in it may
// import Node-only modules or server code. Type-only imports are erased and allowed.
const root = path.resolve(import.meta.dirname, "../../lib/privacy");
const allowedPackages = new Set(["ibantools", "ipaddr.js", "re2js", "zod"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith(".ts") ? [path.join(dir, entry.name)] : [],
  );
}

describe("lib/privacy", () => {
  it("imports only its own files, browser-safe packages and types", () => {
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)) {
        const [, isType, target = ""] = match;
        if (isType || target.startsWith("./") || target.startsWith("../") || target.startsWith("@/lib/privacy/")) continue;
        expect(allowedPackages.has(target), `${path.relative(root, file)} imports ${target}`).toBe(true);
      }
      expect(source, file).not.toMatch(/["']server-only["']|["']node:/);
    }
  });
});
