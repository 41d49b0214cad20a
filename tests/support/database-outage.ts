import { getDb } from "@/lib/db/client";
import type { ScratchDatabase } from "./database";
import { quoteIdentifier, testPostgresUrl, withAdminClient } from "./postgres";

// Makes the app's database refuse every write for a while, the way a full disk or a failed-over read-only server
// does, while reads still work (so tests can look at what was stored):
// - PostgreSQL: the database is set to read-only transactions and the app's connections are cut, so the pool
//   reconnects into read-only sessions ("cannot execute UPDATE in a read-only transaction"); back the same way.
// - SQLite: the app's connection is switched to query_only ("attempt to write a readonly database").

export async function refuseWrites(database: ScratchDatabase): Promise<void> {
  await setReadOnly(database, true);
}

export async function allowWrites(database: ScratchDatabase): Promise<void> {
  await setReadOnly(database, false);
}

async function setReadOnly(database: ScratchDatabase, readOnly: boolean): Promise<void> {
  if (database.provider === "sqlite") {
    await getDb().$executeRawUnsafe(`PRAGMA query_only = ${readOnly ? "ON" : "OFF"}`);
    return;
  }
  const name = new URL(database.url).pathname.slice(1);
  await withAdminClient(testPostgresUrl(), async (client) => {
    await client.query(
      `ALTER DATABASE ${quoteIdentifier(name)} ${readOnly ? "SET default_transaction_read_only = on" : "RESET default_transaction_read_only"}`,
    );
    // Sessions opened before the change keep the old default: end them, but only between statements (a session cut
    // inside a transaction can leave a pool client checked out for good, which is not what this test is about).
    const { rows } = await client.query<{ now: Date }>("SELECT clock_timestamp() AS now");
    const changedAt = rows[0]!.now;
    for (let round = 0; ; round++) {
      const { rowCount } = await client.query("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_start < $2", [
        name,
        changedAt,
      ]);
      if (!rowCount) return;
      if (round > 500) throw new Error("sessions from before the change did not go away");
      await client.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_start < $2 AND state = 'idle'",
        [name, changedAt],
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
}
