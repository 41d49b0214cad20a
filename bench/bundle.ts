import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

const common = {
  bundle: true,
  minify: true,
  write: false,
  platform: "browser",
  format: "iife",
  jsx: "automatic",
  target: "chrome120",
  absWorkingDir: root,
  tsconfig: path.join(root, "tsconfig.json"),
  define: { "process.env.NODE_ENV": '"production"' },
  // "use client" directives mean nothing to a plain bundle.
  logOverride: { "module level directives cause errors when bundled": "silent" },
  logLevel: "error",
} as const;

/** The browser harness, React and all, as one script. */
export async function bundleHarness(): Promise<string> {
  const result = await build({ ...common, entryPoints: [path.join(root, "bench/harness.tsx")] });
  return result.outputFiles[0]?.text ?? "";
}

type Size = { minifiedKb: number; gzipKb: number };

/**
 * What the Markdown component adds to the chat page's JavaScript (React itself excluded), minified and gzipped:
 * loaded with the page, and loaded with the first formula (KaTeX).
 */
export async function markdownBundleSize(): Promise<{ withPage: Size; withFirstFormula: Size }> {
  const result = await build({
    ...common,
    format: "esm",
    splitting: true,
    outdir: path.join(root, "test-results/bench/size"),
    entryPoints: [path.join(root, "components/chat/markdown/message-markdown.tsx")],
    external: ["react", "react-dom", "react/jsx-runtime"],
  });
  const entry = result.outputFiles.filter((file) => file.path.endsWith("message-markdown.js"));
  const lazy = result.outputFiles.filter((file) => !file.path.endsWith("message-markdown.js"));
  return { withPage: size(entry.map((file) => file.contents)), withFirstFormula: size(lazy.map((file) => file.contents)) };
}

function size(files: Uint8Array[]): Size {
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  return { minifiedKb: kb(files.reduce((sum, file) => sum + file.length, 0)), gzipKb: kb(files.reduce((sum, file) => sum + gzipSync(file).length, 0)) };
}
