import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

// SQLite suits exactly one server process: a second one on the same file would mark the first one's live answers
// interrupted at its start and cut them. So the owner holds an exclusive lock on a small file beside the database for
// as long as it runs. The lock is SQLite's own (POSIX advisory locks taken by the kernel for the process), so it is
// released when the process ends in any way, kill -9 included, and it works across containers sharing the volume.
// A PID file could not tell a live owner from a recycled PID; this lock cannot go stale.

export class InstanceLockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InstanceLockError";
  }
}

export interface InstanceLock {
  path: string;
  release(): void;
}

interface Owner {
  pid: number;
  host: string;
  since: string;
}

const POLL_MS = 200;

/** The lock file of a SQLite database file. */
export function instanceLockPath(databasePath: string): string {
  return `${databasePath}.lock`;
}

/**
 * Takes the lock of this SQLite database for this process, waiting up to `waitMs` while another process holds it
 * (an overlapping restart); then refuses with a message that names the owner.
 */
export async function acquireInstanceLock(databasePath: string, waitMs: number): Promise<InstanceLock> {
  if (databasePath === ":memory:") return { path: databasePath, release() {} };
  mkdirSync(path.dirname(databasePath), { recursive: true });
  const lockPath = instanceLockPath(databasePath);
  const ownerPath = `${lockPath}.owner`;
  const deadline = Date.now() + waitMs;
  const db = new Database(lockPath, { timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    for (;;) {
      try {
        // In exclusive locking mode the lock taken by this write is kept until the connection closes.
        db.exec("BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS owner (pid INTEGER, host TEXT, since TEXT); DELETE FROM owner;");
        const owner: Owner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
        db.prepare("INSERT INTO owner (pid, host, since) VALUES (?, ?, ?)").run(owner.pid, owner.host, owner.since);
        db.exec("COMMIT");
        // Only for the message a second instance prints: the lock itself cannot be read while it is held.
        writeFileSync(ownerPath, JSON.stringify(owner));
        break;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() >= deadline) throw new InstanceLockError(refusal(databasePath, ownerPath, waitMs));
        await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
      }
    }
  } catch (error) {
    db.close();
    throw error;
  }
  // Kept reachable for the life of the process: closing the connection would release the lock.
  held.add(db);
  return {
    path: lockPath,
    release() {
      if (!held.delete(db)) return;
      rmSync(ownerPath, { force: true });
      db.close();
    },
  };
}

const held = new Set<Database.Database>();

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

function refusal(databasePath: string, ownerPath: string, waitMs: number): string {
  let owner = "another process";
  try {
    const parsed = JSON.parse(readFileSync(ownerPath, "utf8")) as Partial<Owner>;
    if (typeof parsed.pid === "number") owner = `process ${parsed.pid} on ${parsed.host ?? "?"} (running since ${parsed.since ?? "?"})`;
  } catch {
    // No owner file (yet): the generic wording stays.
  }
  return (
    `the SQLite database ${databasePath} is in use by ${owner}; waited ${Math.round(waitMs / 1000)} s for it to stop. ` +
    "SQLite allows one server instance per DATA_DIR: stop the other one, give this one its own DATA_DIR, or use PostgreSQL for several instances."
  );
}
