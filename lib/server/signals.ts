import "server-only";
import { getEnv } from "@/lib/env";
import { errorFields, log } from "./log";
import { shutDown } from "./shutdown";

// Time for the last chunks of the cut answers to reach their readers before the process ends.
const FLUSH_MS = 500;

/**
 * SIGTERM (docker stop, a Kubernetes pod ending) drains this instance instead of ending it at once: see shutdown.ts.
 * Next's own handler would exit immediately, so it is replaced (NEXT_MANUAL_SIG_HANDLE=true, set by `npm start` and
 * the container image, keeps Next from installing it at all). SIGINT (Ctrl-C) still ends the process at once.
 */
export function handleTerminationGracefully(): void {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) process.removeAllListeners("SIGTERM");
  process.once("SIGTERM", () => {
    const graceMs = getEnv().SHUTDOWN_GRACE_SECONDS * 1000;
    shutDown(graceMs)
      .catch((error: unknown) => log.error(errorFields(error), "shutdown failed"))
      .finally(() => setTimeout(() => process.exit(0), FLUSH_MS));
  });
  if (process.env.NEXT_MANUAL_SIG_HANDLE) process.once("SIGINT", () => process.exit(130));
}
