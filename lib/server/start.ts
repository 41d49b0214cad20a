import { getAuthSecret } from "@/lib/auth/secret";
import { sweepInterruptedAnswers } from "@/lib/chat/interrupted-sweep";
import { currentDatabaseTarget } from "@/lib/db/client";
import { acquireInstanceLock } from "@/lib/db/instance-lock";
import { migrate } from "@/lib/db/migrate";
import { deleteExpiredSessions } from "@/lib/db/sessions";
import { getEncryptionKey } from "@/lib/crypto/encryption-key";
import { EnvError, getEnv } from "@/lib/env";
import { provisionModelsFromFile } from "@/lib/models/provision";
import { startRetentionJob } from "@/lib/retention/schedule";

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
    await deleteExpiredSessions();
    const interrupted = await sweepInterruptedAnswers(target.provider);
    startRetentionJob();
    const signIn = [env.oidc && `SSO (${env.OIDC_NAME})`, env.LOCAL_ACCOUNTS && "local accounts"].filter(Boolean).join(" and ");
    console.log(`[start] ${describe(target)}; ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}; sign-in with ${signIn}`);
    console.log(models);
    if (interrupted) console.log(`[chat] ${interrupted} answer(s) cut off by the last shutdown marked interrupted`);
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : `[start] could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}
