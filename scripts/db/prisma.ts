import { spawnSync } from "node:child_process";
import { providers } from "../../lib/db/schema-files";

// Runs one Prisma CLI command for each provider: `tsx scripts/db/prisma.ts generate`.
const args = process.argv.slice(2);
for (const provider of providers) {
  const result = spawnSync("prisma", args, {
    stdio: "inherit",
    env: { ...process.env, PRISMA_PROVIDER: provider, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
