import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { acquireInstanceLock, type InstanceLock } from "@/lib/db/instance-lock";
import { repoRoot } from "../support/database";

// One server process per SQLite database: a second owner is refused with a clear message, an overlapping restart
// waits for the lock, and a killed owner (kill -9) leaves no stale lock behind.

let dir: string;
let databasePath: string;
const locks: InstanceLock[] = [];
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chat-lock-"));
  databasePath = path.join(dir, "data", "chat.db");
});
afterEach(() => {
  for (const lock of locks.splice(0)) lock.release();
  for (const child of children.splice(0)) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

async function take(waitMs: number): Promise<InstanceLock> {
  const lock = await acquireInstanceLock(databasePath, waitMs);
  locks.push(lock);
  return lock;
}

/** Another process that takes the lock and holds it until killed. */
async function ownerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "tests", "support", "instance-lock-child.ts"), databasePath], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (data: Buffer) => {
      if (data.toString().includes("locked")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return child;
}

it("refuses a second owner with a message naming the first one and what to do", async () => {
  const child = await ownerProcess();
  const refused = acquireInstanceLock(databasePath, 300);
  await expect(refused).rejects.toThrow(`is in use by process ${child.pid} on ${os.hostname()}`);
  await expect(refused).rejects.toThrow(/one server instance per DATA_DIR/);
});

it("is refused within one process too (a second app in the same Node process)", async () => {
  await take(0);
  await expect(acquireInstanceLock(databasePath, 0)).rejects.toThrow(/is in use by process/);
});

it("an overlapping restart waits for the old process to let go, then starts", async () => {
  const first = await take(0);
  const second = take(10_000);
  setTimeout(() => first.release(), 300);
  await expect(second).resolves.toMatchObject({ path: `${databasePath}.lock` });
});

it("a killed owner (SIGKILL) leaves no stale lock: the next start takes it at once", async () => {
  const child = await ownerProcess();
  await expect(acquireInstanceLock(databasePath, 0)).rejects.toThrow(/is in use/);
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  await expect(take(0)).resolves.toBeDefined();
});
