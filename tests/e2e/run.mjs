// `npm run test:e2e [-- playwright args]`: the end-to-end tests in a real browser.
//
//  1. makes sure a Chromium can be launched (Debian's /usr/bin/chromium, else Playwright's own, installed if missing)
//  2. prepares the run: a temp DATA_DIR for the SQLite server and a fresh PostgreSQL database (support/prepare.mjs);
//     without a reachable PostgreSQL the postgres project is skipped loudly, or fails with REQUIRE_POSTGRES=1
//  3. `next build`, unless SKIP_BUILD=1
//  4. `playwright test` with the extra arguments; its exit code is ours
//
// Playwright's webServer (playwright.config.ts) starts and stops the test OpenID Provider and both app servers.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions, DEBIAN_CHROMIUM } from "./support/browser.mjs";
import { prepareRun } from "./support/prepare.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const log = (message) => console.log(`[e2e] ${message}`);
const bar = "!".repeat(100);

function fail(message) {
  console.error(`\n[e2e] ERROR: ${message}\n`);
  process.exit(1);
}

function binary(relative) {
  return path.join(root, "node_modules", relative);
}

async function canLaunchChromium() {
  try {
    const browser = await chromium.launch(chromiumLaunchOptions());
    const version = browser.version();
    await browser.close();
    return { ok: true, version };
  } catch (error) {
    return {
      ok: false,
      message: String(error.message ?? error)
        .split("\n")
        .slice(0, 6)
        .join("\n"),
    };
  }
}

async function ensureBrowser() {
  const first = await canLaunchChromium();
  if (first.ok) return log(`Chromium ${first.version} (${chromiumLaunchOptions().executablePath ?? "Playwright's own"})`);
  if (existsSync(DEBIAN_CHROMIUM) || process.env.E2E_CHROMIUM_PATH) {
    fail(`cannot launch ${process.env.E2E_CHROMIUM_PATH || DEBIAN_CHROMIUM}:\n${first.message}`);
  }
  log("no Chromium found: trying `playwright install chromium`");
  const install = spawnSync(process.execPath, [binary("@playwright/test/cli.js"), "install", "chromium"], { cwd: root, stdio: "inherit" });
  const second = install.status === 0 ? await canLaunchChromium() : { ok: false, message: "playwright install chromium failed" };
  if (!second.ok) {
    fail(
      `no usable Chromium. Install Debian's (as root: apt-get update && apt-get install -y chromium), ` +
        `or let Playwright download its own (npx playwright install --with-deps chromium).\n${second.message}`,
    );
  }
  log(`Chromium ${second.version} (Playwright's own)`);
}

function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const major = Number(process.versions.node.split(".")[0]);
if (major < 22) fail(`Node ${process.versions.node} is too old: run \`source scripts/ensure-node.sh\` first (Node >= 22).`);

const started = Date.now();
await ensureBrowser();

let vars;
try {
  vars = await prepareRun();
} catch (error) {
  fail(error.message);
}
Object.assign(process.env, vars);
log(`run folder ${vars.E2E_RUN_DIR}`);
log(
  vars.E2E_POSTGRES_URL
    ? `PostgreSQL database ${new URL(vars.E2E_POSTGRES_URL).pathname.slice(1)} created`
    : `PostgreSQL unreachable: ${vars.E2E_POSTGRES_SKIP_REASON}`,
);

if (process.env.SKIP_BUILD === "1") {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) fail(`SKIP_BUILD=1 but there is no build in ${distDir}: run \`npm run build\` first.`);
  log(`SKIP_BUILD=1: using the existing build in ${distDir}`);
} else {
  log("next build");
  const buildStarted = Date.now();
  const code = await run(process.execPath, [binary("next/dist/bin/next"), "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  if (code !== 0) fail(`next build failed (exit code ${code})`);
  log(`next build took ${Math.round((Date.now() - buildStarted) / 1000)} s`);
}

// Playwright empties test-results/e2e itself; the screenshots folder beside it is ours to refresh.
rmSync(path.join(root, "test-results", "screenshots"), { recursive: true, force: true });
const code = await run(process.execPath, [binary("@playwright/test/cli.js"), "test", ...process.argv.slice(2)]);

if (!vars.E2E_POSTGRES_URL) {
  console.warn(
    `\n${bar}\n!!! PostgreSQL e2e project SKIPPED: ${vars.E2E_POSTGRES_SKIP_REASON}\n!!! Only the sqlite project ran. Set REQUIRE_POSTGRES=1 to make this an error.\n${bar}\n`,
  );
}
if (code === 0 && process.env.E2E_KEEP_DATA !== "1") rmSync(vars.E2E_RUN_DIR, { recursive: true, force: true });
else log(`run folder kept for inspection: ${vars.E2E_RUN_DIR}`);
log(`end-to-end tests ${code === 0 ? "passed" : `FAILED (exit code ${code})`} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(code);
