import { migrate } from "../../lib/db/migrate";
import { databaseTargetFrom } from "../../lib/db/target";

// Applies pending migrations to DATABASE_URL (or ./data/chat.db) without starting the app.
const target = databaseTargetFrom(process.env.DATABASE_URL || (process.env.DATA_DIR ? `file:${process.env.DATA_DIR}/chat.db` : undefined));
migrate(target).then(
  ({ applied }) => console.log(applied.length ? `applied ${applied.join(", ")}` : "schema up to date"),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
