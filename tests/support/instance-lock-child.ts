import { acquireInstanceLock } from "../../lib/db/instance-lock";

// Holds the instance lock of the database named in argv until killed; prints "locked" once it holds it.
const databasePath = process.argv[2];
if (!databasePath) throw new Error("usage: instance-lock-child.ts <database path>");
void acquireInstanceLock(databasePath, 0).then(() => {
  process.stdout.write("locked\n");
  setInterval(() => undefined, 60_000);
});
