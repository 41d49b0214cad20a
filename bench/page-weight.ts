// `npm run bench:page-weight`: the JavaScript the signed-in chat page loads before the user can type (issue 11's
// goal: at most 180 KB gzip), measured in Chromium against the built app (`npm run build` first): every script
// response of the first load of "/", gzip-compressed here as the server would send it, largest first.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../tests/e2e/support/browser.mjs";

const root = path.resolve(import.meta.dirname, "..");
const GOAL_KB = 180;

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const port = Number(process.env.BENCH_PORT ?? 3391);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chat-weight-"));
  const url = `http://127.0.0.1:${port}`;
  // One model, never called: the page only lists it.
  const modelsFile = path.join(dataDir, "models.yaml");
  writeFileSync(modelsFile, "- id: llama\n  name: Llama 2\n  provider: openai-compatible\n  endpoint: http://127.0.0.1:9/v1\n  model: llama\n");
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      REDIS_URL: "",
      APP_URL: url,
      LOCAL_ACCOUNTS: "true",
      LOCAL_SIGNUP: "true",
      OIDC_ISSUER: "",
      MODELS_FILE: modelsFile,
    },
    stdio: "ignore",
  });
  const stop = () => {
    child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (
      await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error(`the app did not become healthy at ${url} within 60 s (did you run npm run build?)`);
}

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto("/sign-up");
    await page.getByLabel("Name", { exact: true }).fill("Weight");
    await page.getByLabel("Email", { exact: true }).fill("weight@example.com");
    await page.getByLabel("Password", { exact: true }).fill("a-long-unusual-passphrase-41");
    await page.getByRole("button", { name: /create account/i }).click();
    await page.waitForURL((url) => url.pathname === "/");

    // A fresh load of the chat page, as after opening the browser: nothing cached.
    const fresh = await context.newPage();
    const scripts = new Map<string, Promise<number>>();
    fresh.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.set(
        response.url(),
        response.body().then(
          (body) => gzipSync(body).length,
          () => 0,
        ),
      );
    });
    await fresh.goto("/", { waitUntil: "networkidle" });
    await fresh.getByRole("textbox", { name: "Message", exact: true }).waitFor();
    const sizes = await Promise.all(
      [...scripts].map(async ([url, size]) => ({ file: new URL(url).pathname.split("/").pop() ?? url, kb: (await size) / 1024 })),
    );
    sizes.sort((a, b) => b.kb - a.kb);
    const total = sizes.reduce((sum, size) => sum + size.kb, 0);
    console.log(`Signed-in chat page, first load: ${sizes.length} scripts, ${total.toFixed(0)} KB gzip (goal: at most ${GOAL_KB} KB)`);
    for (const size of sizes) console.log(`  ${size.kb.toFixed(1).padStart(7)} KB  ${size.file}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
