import { migrate } from "../../lib/db/migrate";
import { databaseTargetFrom } from "../../lib/db/target";

// One "instance starting up" for migrate.test.ts: loads everything, says "ready", and runs migrate() when a line
// arrives on stdin, so the test can start several of them at the same moment. Prints the result as JSON.
const target = databaseTargetFrom(process.env.DATABASE_URL);
process.stdin.once("data", () => {
  migrate(target, process.env.MIGRATIONS_ROOT).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: Error) => {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
});
process.stdout.write("ready\n");
