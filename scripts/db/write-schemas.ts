import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { providerSchemas } from "../../lib/db/schema-files";

// Writes prisma/<provider>/schema.prisma from prisma/models.prisma, so both providers share one data model.
for (const { path, text } of providerSchemas(readFileSync("prisma/models.prisma", "utf8"))) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
