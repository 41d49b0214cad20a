import "server-only";
import { currentDatabaseTarget } from "@/lib/db/client";
import { appliedMigrationNames, isDatabaseHealthy } from "@/lib/db/health";
import { loadMigrations } from "@/lib/db/migrations";
import { getEnv } from "@/lib/env";
import { redisClient } from "@/lib/quota/redis-client";
import { isShuttingDown } from "./shutdown";

// What GET /api/health/ready reports: may this instance take traffic? Each check has a short time limit, so a
// hanging dependency makes the probe fail, not hang.

export type CheckResult = "ok" | "failing" | "skipped";

export interface Readiness {
  ready: boolean;
  /** Ready, but Redis does not answer: rate counters fall back to the database, live answers to the saved text. */
  degraded: boolean;
  checks: { shutdown: "ok" | "shutting_down"; database: CheckResult; migrations: CheckResult; redis: CheckResult };
}

const CHECK_TIMEOUT_MS = 2_000;

// Once every migration this build knows is applied, that stays true for the life of the process.
let migrationsConfirmed = false;

async function migrationsApplied(): Promise<boolean> {
  if (migrationsConfirmed) return true;
  const expected = loadMigrations(currentDatabaseTarget().provider).map((migration) => migration.name);
  const applied = await appliedMigrationNames();
  migrationsConfirmed = expected.every((name) => applied.has(name));
  return migrationsConfirmed;
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = redisClient(url);
  // Commands fail at once while the client (re)connects (no offline queue): wait for the connection first.
  const connected = client.status === "ready" ? Promise.resolve() : new Promise<void>((resolve) => client.once("ready", () => resolve()));
  return withinTimeout(connected.then(() => client.ping()).then((reply) => reply === "PONG"));
}

function withinTimeout(probe: Promise<boolean>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)));
  return Promise.race([probe.catch(() => false), timeout]).finally(() => clearTimeout(timer));
}

const result = (ok: boolean): CheckResult => (ok ? "ok" : "failing");

export async function checkReadiness(): Promise<Readiness> {
  const redisUrl = getEnv().REDIS_URL;
  const database = await isDatabaseHealthy(CHECK_TIMEOUT_MS);
  const [migrations, redis] = await Promise.all([
    database ? withinTimeout(migrationsApplied()).then(result) : Promise.resolve<CheckResult>("failing"),
    redisUrl ? redisAnswers(redisUrl).then(result) : Promise.resolve<CheckResult>("skipped"),
  ]);
  const checks = { shutdown: isShuttingDown() ? "shutting_down" : "ok", database: result(database), migrations, redis } as const;
  // Redis is checked and reported, but does not make the instance unready: every instance shares it, so failing
  // readiness on it would take them all out of the load balancer, while the app works on without it.
  const ready = checks.shutdown === "ok" && database && migrations === "ok";
  return { ready, degraded: ready && redis === "failing", checks };
}
