// Whether an error means "the database cannot serve right now" (down, restarting, unreachable, read-only, disk full,
// locked, out of connections) rather than a bug or a conflict the caller handles (P2002, P2025). Routes answer those
// with 503 "temporarily unavailable"; nothing of the error's text reaches a response or a URL.

const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034", "P2037"]);
// PostgreSQL SQLSTATE classes: 08 connection, 53 insufficient resources (disk full, out of memory, too many
// connections), 57 operator intervention (shutdown, cancel), 58 system error; 25006 read-only transaction.
const UNAVAILABLE_SQLSTATE = /^(08|53|57|58)|^25006$/;
const UNAVAILABLE_SQLITE = /^SQLITE_(BUSY|LOCKED|FULL|READONLY|IOERR|CANTOPEN|NOMEM|PROTOCOL)/;
const UNAVAILABLE_NETWORK = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|ENOSPC|EROFS|EAI_AGAIN)$/;
const UNAVAILABLE_TEXT =
  /read-only transaction|readonly database|database is locked|disk is full|database or disk is full|no space left|Connection terminated|connection refused|Can't reach database|too many (clients|connections)|the database system is (starting up|shutting down)|terminating connection/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== "object" || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  if (candidate.name === "PrismaClientInitializationError" || candidate.name === "PrismaClientRustPanicError") return true;
  const code = typeof candidate.code === "string" ? candidate.code : "";
  if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLITE.test(code) || UNAVAILABLE_NETWORK.test(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQLSTATE.test(code)) return true;
  if (typeof candidate.message === "string" && UNAVAILABLE_TEXT.test(candidate.message)) return true;
  return isDatabaseUnavailable(candidate.cause, depth + 1) || isDatabaseUnavailable(candidate.meta, depth + 1);
}
