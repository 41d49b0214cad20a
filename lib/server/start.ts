import { getAuthSecret } from "@/lib/auth/secret";
import { sweepInterruptedAnswers } from "@/lib/chat/interrupted-sweep";
import { getEncryptionKey } from "@/lib/crypto/encryption-key";
import { currentDatabaseTarget } from "@/lib/db/client";
import { acquireInstanceLock } from "@/lib/db/instance-lock";
import { migrate } from "@/lib/db/migrate";
import { deleteExpiredSessions } from "@/lib/db/sessions";
import { EnvError, getEnv } from "@/lib/env";
import { provisionEvalSets } from "@/lib/evals/provision";
import { resumeEvalRunsAtStart } from "@/lib/evals/resume";
import { provisionModelsFromFile } from "@/lib/models/provision";
import { startRetentionJob } from "@/lib/retention/schedule";
import { log } from "./log";
import { startMetrics } from "./metrics";
import { logEveryRequest } from "./request-log";
import { handleTerminationGracefully } from "./signals";

function describe(target: ReturnType<typeof currentDatabaseTarget>): string {
  return target.provider === "sqlite" ? `SQLite at ${target.path}` : `PostgreSQL at ${new URL(target.url).host}`;
}

/** Checks the configuration, migrates the database and prepares secrets; exits with a clear message on failure. */
export async function startServer(): Promise<void> {
  try {
    const env = getEnv();
    const target = currentDatabaseTarget();
    // One process per SQLite database: taken before anything touches it, held until the process ends.
    if (target.provider === "sqlite") await acquireInstanceLock(target.path, env.SQLITE_LOCK_WAIT_SECONDS * 1000);
    const { applied } = await migrate(target);
    getAuthSecret();
    getEncryptionKey();
    const models = await provisionModelsFromFile();
    const evalSets = await provisionEvalSets(env.EVAL_SETS_DIR);
    await deleteExpiredSessions();
    const interrupted = await sweepInterruptedAnswers(target.provider);
    const evalRunsResumed = await resumeEvalRunsAtStart(target.provider);
    startRetentionJob();
    startMetrics();
    logEveryRequest();
    handleTerminationGracefully();
    const signIn = [env.oidc && `SSO (${env.OIDC_NAME})`, env.LOCAL_ACCOUNTS && "local accounts"].filter(Boolean).join(" and ");
    log.info({ database: describe(target), migrationsApplied: applied, signIn }, "started");
    log.info(models);
    if (evalSets) log.info(evalSets);
    if (interrupted) log.warn({ interrupted }, "answers cut off by the last shutdown marked interrupted");
    if (evalRunsResumed) log.info({ evalRunsResumed }, "evaluation runs left running by the last process resumed");
  } catch (error) {
    log.fatal(error instanceof EnvError ? error.message : `could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}
