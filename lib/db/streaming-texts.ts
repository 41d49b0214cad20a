import "server-only";
import { cleanText } from "@/lib/text/clean-text";
import { currentDatabaseTarget, getDb } from "./client";

export interface StreamingText {
  messageId: string;
  text: string;
}

// One statement carries at most this many answers (2 parameters each: far below both databases' limits).
const ROWS_PER_STATEMENT = 500;

/**
 * Saves the text so far of many streaming answers at once (one UPDATE per ROWS_PER_STATEMENT answers, instead of one
 * per answer) and returns the ids that were still streaming. An answer missing from the result is no longer
 * streaming: a user pressed Stop on another instance, or it was finished or swept. Raw SQL because Prisma writes
 * a different value into each row only one statement per row.
 */
export async function saveStreamingTexts(texts: readonly StreamingText[]): Promise<Set<string>> {
  const stillStreaming = new Set<string>();
  const postgres = currentDatabaseTarget().provider === "postgres";
  for (let start = 0; start < texts.length; start += ROWS_PER_STATEMENT) {
    const slice = texts.slice(start, start + ROWS_PER_STATEMENT);
    const values = slice.flatMap(({ messageId, text }) => [messageId, JSON.stringify([{ type: "text", text: cleanText(text) }])]);
    const now = new Date().toISOString();
    const rows = postgres
      ? await getDb().$queryRawUnsafe<{ id: string }[]>(postgresUpdate(slice.length), now, ...values)
      : // As the SQLite adapter writes a DateTime (ISO 8601 with +00:00), so the stale-answer sweep compares like with like.
        await getDb().$queryRawUnsafe<{ id: string }[]>(sqliteUpdate(slice.length), now.replace("Z", "+00:00"), ...values);
    for (const row of rows) stillStreaming.add(row.id);
  }
  return stillStreaming;
}

function postgresUpdate(rows: number): string {
  const tuples = Array.from({ length: rows }, (_, index) => `($${2 * index + 2}, $${2 * index + 3})`).join(", ");
  // "updatedAt" is a timestamp without time zone holding UTC, as Prisma writes it.
  return `UPDATE "Message" AS m SET "parts" = v."parts"::jsonb, "updatedAt" = $1::timestamp(3)
    FROM (VALUES ${tuples}) AS v("id", "parts")
    WHERE m."id" = v."id" AND m."status" = 'streaming'
    RETURNING m."id"`;
}

// SQLite names a VALUES list's columns column1, column2.
function sqliteUpdate(rows: number): string {
  const tuples = Array.from({ length: rows }, () => "(?, ?)").join(", ");
  return `UPDATE "Message" SET "parts" = v."parts", "updatedAt" = ?
    FROM (SELECT column1 AS "id", column2 AS "parts" FROM (VALUES ${tuples})) AS v
    WHERE "Message"."id" = v."id" AND "Message"."status" = 'streaming'
    RETURNING "Message"."id" AS "id"`;
}
