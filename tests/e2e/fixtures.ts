import { randomBytes, randomInt } from "node:crypto";
import { type APIResponse, test as base, expect, type Page } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { SignInPage } from "./pages/sign-in";
import { type NewAccount, SignUpPage } from "./pages/sign-up";
import { openTestDb, type TestDb } from "./support/db";

export { expect };

export type Backend = "sqlite" | "postgres";

/** Set per project in playwright.config.ts: which app server and database the project tests. */
export type BackendOptions = {
  name: Backend;
  /** DATA_DIR of the SQLite server (the database is DATA_DIR/chat.db). */
  dataDir: string | null;
  /** DATABASE_URL of the PostgreSQL server. */
  databaseUrl: string | null;
  /** Where the setup project keeps the first admin's signed-in browser state. */
  adminStorageState: string;
  /** A second app server that the "fresh install" spec starts itself, on an empty database and without models. */
  fresh: { url: string; env: Record<string, string> };
};

/** The first local account, created by the setup project (admin.setup.ts) on each empty database. */
export const ADMIN: NewAccount = { name: "First Admin", email: "admin@example.com", password: "e2e-kettle-orbit-7731" };

/** The accounts of the test IdP (tests/e2e/oidc/provider.mjs). */
export const IDP_USERS = {
  alice: { login: "alice", email: "alice@example.com", name: "Alice Admin" },
  bob: { login: "bob", email: "bob@example.com", name: "Bob User" },
  mallory: { login: "mallory", email: "mallory@outside.test", name: "Mallory Outsider" },
} as const;

export const SESSION_COOKIE = "chat.session-token";

export function uniqueEmail(prefix: string, backend: Backend): string {
  return `${prefix}-${backend}-${Date.now().toString(36)}${randomBytes(3).toString("hex")}@example.com`;
}

/** Asserts a JSON 401 in the app's error shape that names nobody. */
export async function expectUnauthorizedJson(response: APIResponse) {
  expect(response.status(), `${response.url()} should answer 401`).toBe(401);
  const body = await response.text();
  expect(JSON.parse(body)).toMatchObject({ error: { code: "unauthorized" } });
  expect(body).not.toContain("@");
}

type TestFixtures = {
  signInPage: SignInPage;
  signUpPage: SignUpPage;
  shell: AppShell;
  /** A page signed in as ADMIN, in its own browser context. */
  adminPage: Page;
  /** Signs up a fresh local account (a plain user) in `page` (default: the test's page) and waits for the home page. */
  signUpNewUser: (options?: { page?: Page; prefix?: string; callbackUrl?: string }) => Promise<NewAccount>;
};

type WorkerFixtures = {
  backend: BackendOptions;
  /** The database behind the app server under test (support/db.ts). */
  db: TestDb;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  backend: [
    { name: "sqlite", dataDir: null, databaseUrl: null, adminStorageState: "", fresh: { url: "", env: {} } },
    { option: true, scope: "worker" },
  ],

  db: [
    async ({ backend }, use) => {
      const db =
        backend.name === "sqlite"
          ? openTestDb({ kind: "sqlite", dataDir: required(backend.dataDir, "dataDir") })
          : openTestDb({ kind: "postgres", url: required(backend.databaseUrl, "databaseUrl") });
      await use(db);
      await db.close();
    },
    { scope: "worker" },
  ],

  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  signUpPage: async ({ page }, use) => use(new SignUpPage(page)),
  shell: async ({ page }, use) => use(new AppShell(page)),

  adminPage: async ({ browser, backend, baseURL }, use) => {
    const context = await browser.newContext({ baseURL, storageState: backend.adminStorageState });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },

  signUpNewUser: async ({ page, backend }, use) => {
    await use(async ({ page: target = page, prefix = "user", callbackUrl } = {}) => {
      const account: NewAccount = {
        name: `E2E ${prefix}`,
        email: uniqueEmail(prefix, backend.name),
        // Digits only: random hex could spell a part of the name ("e2e"), which the password policy refuses.
        password: `pw-${randomInt(1e9, 1e10)}${randomInt(1e9, 1e10)}`,
      };
      const signUp = new SignUpPage(target);
      await signUp.goto({ callbackUrl });
      await signUp.createAccount(account);
      await new AppShell(target).expectSignedInHome();
      return account;
    });
  },
});

function required<T>(value: T | null, name: string): T {
  if (value === null) throw new Error(`backend.${name} is not set for this project (playwright.config.ts)`);
  return value;
}
