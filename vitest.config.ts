import { fileURLToPath } from "node:url";
import type { TestProjectInlineConfiguration, ViteUserConfig } from "vitest/config";
import { defineConfig } from "vitest/config";
import { postgresProblem, redactUrl, testPostgresUrl } from "./tests/support/postgres";

// Four projects: "unit" (no database), "ai" (providers against fake backends), and the integration suite twice,
// "sqlite" and "postgres", each test file on its own fresh database (tests/support/database.ts). The PostgreSQL project needs a server at TEST_POSTGRES_URL
// (an admin connection that may CREATE DATABASE); without one it is left out with a loud message, unless
// REQUIRE_POSTGRES=1 (CI), where the run fails instead (here, and again in the project's global setup should the
// server go away between loading this file and starting the project).

const root = fileURLToPath(new URL(".", import.meta.url));

function banner(message: string): string {
  const line = "!".repeat(Math.min(100, message.length + 8));
  return `\n${line}\n!!! ${message}\n${line}\n`;
}

function integrationProject(provider: "sqlite" | "postgres"): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: provider,
      include: ["tests/integration/**/*.test.ts"],
      env: { TEST_DB_PROVIDER: provider },
      globalSetup: provider === "postgres" ? ["tests/support/postgres-global-setup.ts"] : [],
      // Each file has its own database, but files run one at a time: the concurrency tests mean what they say.
      fileParallelism: false,
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const postgresUrl = testPostgresUrl();
  const required = process.env.REQUIRE_POSTGRES === "1";
  const problem = await postgresProblem(postgresUrl);
  if (problem && required) {
    throw new Error(
      `PostgreSQL not reachable at ${redactUrl(postgresUrl)} (${problem}), and REQUIRE_POSTGRES=1 requires the PostgreSQL ` +
        "suite: start PostgreSQL or point TEST_POSTGRES_URL at an admin connection that may CREATE DATABASE.",
    );
  }
  const skipMessage = problem
    ? `PostgreSQL not reachable at ${redactUrl(postgresUrl)} (${problem}): skipping the PostgreSQL suite (set REQUIRE_POSTGRES=1 to make this a failure)`
    : null;
  if (skipMessage) console.warn(banner(skipMessage));

  return {
    resolve: {
      alias: {
        "@": root,
        "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
      },
    },
    test: {
      environment: "node",
      server: {
        // The generated Prisma clients are CommonJS that read their wasm next to them: let Node load them as they are.
        deps: { external: [/\/lib\/db\/generated\//] },
      },
      // Prisma logs every failed query as prisma:error. Two kinds are expected and dropped: unique violations (the
      // losers of the concurrency races) and the health tests' unreachable databases. A failure that is not
      // expected still fails its test; every other prisma:error is shown.
      onConsoleLog(log, _type, entity) {
        if (!log.startsWith("prisma:error")) return;
        if (log.includes("Unique constraint failed")) return false;
        const moduleId = entity ? ("moduleId" in entity ? entity.moduleId : entity.module.moduleId) : "";
        if (moduleId.endsWith("/tests/integration/health.test.ts")) return false;
      },
      // Repeat the warning after the summary, where nobody can miss it.
      reporters: skipMessage ? ["default", { onTestRunEnd: () => console.warn(banner(skipMessage)) }] : ["default"],
      projects: [
        { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
        // The LLM backends: the real provider code against the local fake servers in tests/fakes.
        { extends: true, test: { name: "ai", include: ["tests/ai/**/*.test.ts"], testTimeout: 10_000, hookTimeout: 10_000 } },
        integrationProject("sqlite"),
        ...(skipMessage ? [] : [integrationProject("postgres")]),
      ],
    },
  };
});
