import { spawnSync } from "node:child_process";
import path from "node:path";
import { defineConfig, type Project } from "@playwright/test";
import type { Backend, BackendOptions } from "./tests/e2e/fixtures";
import { chromiumLaunchOptions } from "./tests/e2e/support/browser.mjs";
import { DEFAULT_FAKES_PORT } from "./tests/e2e/support/fake-backends";
import { fakeBackendUrls, writeDemoModelsFile } from "./tests/e2e/support/models-file";

// End-to-end tests: one `next build` (done by tests/e2e/run.mjs, the `npm run test:e2e` entry), served twice by
// `next start`, once on SQLite and once on PostgreSQL, plus a real OpenID Provider and the fake LLM backends
// (tests/fakes) on loopback. The same specs run against both servers as the projects "sqlite" and "postgres".

const root = __dirname;
const isWorker = Boolean(process.env.TEST_WORKER_INDEX);

/**
 * The run's temp folder and databases. run.mjs prepares them and passes E2E_* variables; when Playwright is started
 * directly, the main process prepares them here once. Workers inherit the variables, so they never prepare again.
 */
function runEnvironment() {
  if (!process.env.E2E_RUN_DIR && !isWorker) {
    const result = spawnSync(process.execPath, [path.join(root, "tests/e2e/support/prepare.mjs")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (result.status !== 0) throw new Error("[e2e] could not prepare the run (see the message above)");
    Object.assign(process.env, JSON.parse(result.stdout) as Record<string, string>);
  }
  const runDir = process.env.E2E_RUN_DIR;
  if (!runDir) throw new Error("[e2e] E2E_RUN_DIR is not set: start the tests with `npm run test:e2e`");
  return {
    runDir,
    sqliteDataDir: process.env.E2E_SQLITE_DATA_DIR ?? path.join(runDir, "sqlite-data"),
    postgresUrl: process.env.E2E_POSTGRES_URL || null,
    postgresSkipReason: process.env.E2E_POSTGRES_SKIP_REASON || "unknown reason",
    postgresAuthSecret: process.env.E2E_POSTGRES_AUTH_SECRET ?? "",
    postgresEncryptionKey: process.env.E2E_POSTGRES_ENCRYPTION_KEY ?? "",
  };
}

const run = runEnvironment();

if (!run.postgresUrl && !isWorker && !process.env.E2E_SKIP_NOTICE_SHOWN) {
  process.env.E2E_SKIP_NOTICE_SHOWN = "1";
  const bar = "!".repeat(100);
  console.warn(
    `\n${bar}\n!!! PostgreSQL e2e project SKIPPED: ${run.postgresSkipReason}\n!!! Only the sqlite project runs. Set REQUIRE_POSTGRES=1 to make this an error.\n${bar}\n`,
  );
}

const OIDC_PORT = Number(process.env.E2E_OIDC_PORT || 9401);
const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
const OIDC_CLIENT_ID = "chat-e2e";
const OIDC_CLIENT_SECRET = "chat-e2e-client-secret-0123456789";
const PORTS = { sqlite: Number(process.env.E2E_SQLITE_PORT || 3401), postgres: Number(process.env.E2E_POSTGRES_PORT || 3402) };

// A second server per database for the "fresh install" spec, which starts it itself on an empty database.
const FRESH_PORTS = { sqlite: Number(process.env.E2E_FRESH_SQLITE_PORT || 3403), postgres: Number(process.env.E2E_FRESH_POSTGRES_PORT || 3404) };

const appUrl = (name: Backend) => `http://127.0.0.1:${PORTS[name]}`;
const freshUrl = (name: Backend) => `http://127.0.0.1:${FRESH_PORTS[name]}`;
const backends: Backend[] = run.postgresUrl ? ["sqlite", "postgres"] : ["sqlite"];

// Both app servers load the demo models, pointing at the fakes' fixed ports (a webServer below).
const FAKES_PORT = Number(process.env.E2E_FAKES_PORT || DEFAULT_FAKES_PORT);
const MODELS_FILE = path.join(run.runDir, "models.yaml");
if (!isWorker) writeDemoModelsFile(MODELS_FILE, fakeBackendUrls(FAKES_PORT));

/** Every variable lib/env.ts reads is set, empty when unused, so a developer's .env.local cannot leak in. */
function appEnvironment(name: Backend): Record<string, string> {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? "",
    PORT: String(PORTS[name]),
    APP_URL: appUrl(name),
    DATABASE_URL: name === "postgres" ? (run.postgresUrl ?? "") : "",
    DATA_DIR: name === "sqlite" ? run.sqliteDataDir : path.join(run.runDir, "postgres-data"),
    AUTH_SECRET: name === "postgres" ? run.postgresAuthSecret : "",
    ENCRYPTION_KEY: name === "postgres" ? run.postgresEncryptionKey : "",
    SESSION_MAX_AGE_HOURS: "",
    SESSION_IDLE_MINUTES: "",
    SIGN_IN_MAX_FAILURES: "",
    SIGN_IN_LOCKOUT_MINUTES: "",
    // Every spec signs its users up from 127.0.0.1.
    SIGN_UPS_PER_ADDRESS_PER_HOUR: "100000",
    TRUSTED_PROXIES: "",
    OIDC_ISSUER,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    OIDC_NAME: "Test SSO",
    OIDC_SCOPES: "openid email profile groups",
    OIDC_GROUPS_CLAIM: "groups",
    OIDC_ADMIN_GROUPS: "chat-admins",
    LOCAL_ACCOUNTS: "true",
    LOCAL_SIGNUP: "true",
    ADMIN_EMAILS: "",
    ALLOWED_EMAIL_DOMAINS: "example.com",
    DB_POOL_SIZE: "5",
    DB_LOG_QUERIES: "",
    MODELS_FILE,
    REDIS_URL: "",
  };
}

/** The fresh server's environment: no models at all; its spec fills in DATA_DIR and DATABASE_URL. */
function freshEnvironment(name: Backend): Record<string, string> {
  return {
    ...appEnvironment(name),
    PORT: String(FRESH_PORTS[name]),
    APP_URL: freshUrl(name),
    MODELS_FILE: "",
    DATA_DIR: "",
    DATABASE_URL: "",
  };
}

function backendOptions(name: Backend): BackendOptions {
  return {
    name,
    dataDir: name === "sqlite" ? run.sqliteDataDir : null,
    databaseUrl: name === "postgres" ? run.postgresUrl : null,
    adminStorageState: path.join(run.runDir, "auth", `${name}-admin.json`),
    fresh: { url: freshUrl(name), env: freshEnvironment(name) },
  };
}

// Every spec runs against SQLite. PostgreSQL runs only the specs where the database's own behaviour shows in the
// browser: sessions and sign-in (SSO provisioning, the first account), answers saved while they stream, concurrent
// Compare answers, user deletion and the retention job's batches. The rest (rendering, forms, navigation, settings,
// presets, branches, the admin pages) goes through the same lib/db code, which the integration suite runs on both
// databases; running it twice in a browser was most of CI's time. Screenshots and axe scans (tagged @visual) look at
// pages that render the same whatever the database, so PostgreSQL skips them too.
const DATABASE_SPECS = /\/(chat|compare|session|oidc|fresh-install|admin-users|audit-retention)\.spec\.ts$/;

const projects: Project[] = backends.flatMap((name): Project[] => {
  const use = { baseURL: appUrl(name), backend: backendOptions(name) };
  const specs = name === "sqlite" ? { testMatch: /\.spec\.ts$/ } : { testMatch: DATABASE_SPECS, grepInvert: /@visual/ };
  return [
    { name: `setup-${name}`, testMatch: /admin\.setup\.ts$/, use },
    { name, ...specs, dependencies: [`setup-${name}`], use },
  ];
});

const node = JSON.stringify(process.execPath);
const next = JSON.stringify(path.join(root, "node_modules/next/dist/bin/next"));
const serveFakes = JSON.stringify(`import(${JSON.stringify(path.join(root, "tests/e2e/support/fake-backends.ts"))}).then((m) => m.serveFakeBackends())`);
const showServerOutput: "pipe" | "ignore" = process.env.E2E_SERVER_LOGS === "1" ? "pipe" : "ignore";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS || 2),
  forbidOnly: Boolean(process.env.CI),
  // No retries, in CI either: a test that passes only on its second try is a bug to fix, not to hide.
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions(),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    navigationTimeout: 20_000,
    actionTimeout: 10_000,
  },
  projects,
  webServer: [
    {
      name: "oidc",
      command: `${node} ${JSON.stringify(path.join(root, "tests/e2e/oidc/provider.mjs"))}`,
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      env: {
        E2E_OIDC_PORT: String(OIDC_PORT),
        E2E_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
        E2E_OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
        E2E_OIDC_REDIRECT_URIS: backends.flatMap((name) => [appUrl(name), freshUrl(name)].map((url) => `${url}/api/auth/callback/oidc`)).join(","),
      },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: showServerOutput,
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      name: "fakes",
      command: `${node} --import tsx --eval ${serveFakes}`,
      cwd: root,
      // TGI's health route: the second fake.
      url: `${fakeBackendUrls(FAKES_PORT).tgi}/health`,
      env: { E2E_FAKES_PORT: String(FAKES_PORT) },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: showServerOutput,
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    ...backends.map((name) => ({
      name: `app-${name}`,
      command: `${node} ${next} start --hostname 127.0.0.1 --port ${PORTS[name]}`,
      cwd: root,
      url: `${appUrl(name)}/api/health`,
      env: appEnvironment(name),
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: showServerOutput,
      stderr: "pipe" as const,
      gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
    })),
  ],
});
