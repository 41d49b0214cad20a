import type Database from "better-sqlite3";

type Statement = Database.Statement<unknown[]>;

// Distinct SQL texts the app sends: a few hundred at most (Prisma writes one per query shape).
const MAX_STATEMENTS = 1_000;

/**
 * Makes `db.prepare` return a statement compiled once per SQL text. Prisma's SQLite adapter prepares every query
 * anew and binds its parameters to it (~60 µs a time here, against ~10 µs to run a prepared one), which under
 * hundreds of answers is CPU taken from the event loop that streams them. better-sqlite3 statements cannot be bound
 * twice, so the cached statement is handed out behind the part of its interface the adapter uses (bind, then reader,
 * run, columns and raw().all), with the parameters passed on each call instead.
 */
export function cacheSqliteStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Statement>();
  const cached = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql);
    } else {
      statement = prepare(sql) as Statement;
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
    }
    statements.set(sql, statement);
    return statement;
  };
  const preparedOnce = (sql: string) => {
    const statement = cached(sql);
    return {
      reader: statement.reader,
      run: (...args: unknown[]) => statement.run(...args),
      bind: (...bound: unknown[]) => ({
        reader: statement.reader,
        run: () => statement.run(...bound),
        columns: () => statement.columns(),
        raw: () => ({ all: () => statement.raw(true).all(...bound) }),
      }),
    };
  };
  (db as unknown as { prepare: typeof preparedOnce }).prepare = preparedOnce;
}
