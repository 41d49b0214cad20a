/**
 * True when a write failed on a unique constraint, e.g. a row someone else inserted first: Prisma's P2002, or a raw
 * query's P2010 whose driver error says so (the answer path's queries are raw SQL, see README: Load).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const { code, meta } = error as { code: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return code === "P2002" || (code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");
}

/** True when Prisma found no row to update or delete (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2025";
}
