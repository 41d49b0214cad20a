import "server-only";
import { listedConversationWhere } from "./arena-battles";
import { currentDatabaseTarget, getDb } from "./client";

export type ConversationSearchHit = { id: string; title: string; pinned: boolean; updatedAt: Date; matchText: string | null };

/** `text` as a LIKE pattern matching it anywhere, with its own `\`, `%` and `_` taken literally (ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

type MatchRow = { id: string; matchText: string | null };

// Message.parts is JSON ([{ type: "text", text }]): only the parts' "text" values are searched, never the keys
// or the type names, so "text" does not match every message. Non-array or non-object values are skipped, not errors.

function postgresMatches(userId: string, pattern: string, limit: number) {
  return getDb().$queryRaw<MatchRow[]>`
    SELECT "id", "matchText" FROM (
      SELECT c."id", c."title", c."updatedAt",
        (SELECT p.value ->> 'text'
           FROM "Message" m
           CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(m."parts") = 'array' THEN m."parts" ELSE '[]'::jsonb END) AS p(value)
          WHERE m."conversationId" = c."id" AND jsonb_typeof(p.value) = 'object' AND (p.value ->> 'text') ILIKE ${pattern} ESCAPE '\\'
          ORDER BY m."createdAt" ASC, m."id" ASC
          LIMIT 1) AS "matchText"
      FROM "Conversation" c
      WHERE c."userId" = ${userId}
    ) AS found
    WHERE found."title" ILIKE ${pattern} ESCAPE '\\' OR found."matchText" IS NOT NULL
    ORDER BY found."updatedAt" DESC, found."id" DESC
    LIMIT CAST(${limit} AS INTEGER)`;
}

function sqliteMatches(userId: string, pattern: string, limit: number) {
  // SQLite's LIKE ignores case for ASCII letters only: good enough for a sidebar search.
  return getDb().$queryRaw<MatchRow[]>`
    SELECT "id", "matchText" FROM (
      SELECT c."id", c."title", c."updatedAt",
        (SELECT json_extract(p.value, '$.text')
           FROM "Message" m, json_each(CASE WHEN json_type(m."parts") = 'array' THEN m."parts" ELSE '[]' END) AS p
          WHERE m."conversationId" = c."id" AND p.type = 'object'
            AND CASE WHEN p.type = 'object' THEN json_extract(p.value, '$.text') END LIKE ${pattern} ESCAPE '\\'
          ORDER BY m."createdAt" ASC, m."id" ASC
          LIMIT 1) AS "matchText"
      FROM "Conversation" c
      WHERE c."userId" = ${userId}
    ) AS found
    WHERE found."title" LIKE ${pattern} ESCAPE '\\' OR found."matchText" IS NOT NULL
    ORDER BY found."updatedAt" DESC, found."id" DESC
    LIMIT CAST(${limit} AS INTEGER)`;
}

/**
 * The user's conversations whose title or message text contains `query`, newest first, each with the text of its
 * first matching message (null when only the title matched). Parameterised raw SQL per provider, because Prisma
 * cannot filter inside a JSON array of parts.
 */
export async function searchConversations(userId: string, query: string, limit: number): Promise<ConversationSearchHit[]> {
  const pattern = likePattern(query);
  const search = currentDatabaseTarget().provider === "postgres" ? postgresMatches : sqliteMatches;
  const matches = await search(userId, pattern, limit);
  if (matches.length === 0) return [];
  const rows = await getDb().conversation.findMany({
    where: { userId, id: { in: matches.map((match) => match.id) }, ...listedConversationWhere },
    select: { id: true, title: true, pinned: true, updatedAt: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return matches.flatMap((match) => {
    const row = byId.get(match.id);
    return row ? [{ ...row, matchText: match.matchText }] : [];
  });
}
