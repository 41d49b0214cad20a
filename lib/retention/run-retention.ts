import "server-only";
import { recordAuditEvent } from "@/lib/db/audit";
import { deleteExpiredConversationBatch } from "@/lib/db/expired-conversations";
import { acquireJobLease, releaseJobLease } from "@/lib/db/job-lease";
import { getRetentionSettings, recordRetentionRun } from "@/lib/db/retention-settings";

const LEASE_NAME = "retention";
const DAY_MS = 86_400_000;
// Far longer than a batch takes; the lease is renewed after every batch, so a long run keeps it.
export const RETENTION_LEASE_MS = 10 * 60_000;
export const RETENTION_BATCH_SIZE = 500;

export type RetentionOutcome = { status: "disabled" } | { status: "busy" } | { status: "ran"; deleted: number };

/**
 * One retention run: deletes the conversations not updated for the configured number of days, a batch per
 * transaction. Only the instance holding the "retention" lease runs; the others answer "busy".
 */
export async function runRetention({
  holder,
  now = () => new Date(),
  batchSize = RETENTION_BATCH_SIZE,
}: {
  holder: string;
  now?: () => Date;
  batchSize?: number;
}): Promise<RetentionOutcome> {
  const { days } = await getRetentionSettings();
  if (days === null) return { status: "disabled" };
  if (!(await acquireJobLease({ name: LEASE_NAME, holder, ttlMs: RETENTION_LEASE_MS, now: now() }))) return { status: "busy" };
  try {
    const cutoff = new Date(now().getTime() - days * DAY_MS);
    let deleted = 0;
    for (;;) {
      const count = await deleteExpiredConversationBatch({ cutoff, limit: batchSize });
      deleted += count;
      if (count < batchSize) break;
      // Lost the lease (a pause longer than the lease): another instance carries on.
      if (!(await acquireJobLease({ name: LEASE_NAME, holder, ttlMs: RETENTION_LEASE_MS, now: now() }))) break;
    }
    await recordRetentionRun({ at: now().toISOString(), deleted });
    // An hourly entry that deleted nothing would bury the entries that matter; the settings page shows every run.
    if (deleted > 0) await recordAuditEvent({ action: "retention.ran", target: "conversations", details: { deleted, days } });
    return { status: "ran", deleted };
  } finally {
    await releaseJobLease({ name: LEASE_NAME, holder });
  }
}
