import { z } from "zod";

// The audit log's filters, shared by the page (search params) and the route (query string).

const isoDate = z.iso.date({ error: "Dates are YYYY-MM-DD." });

export const auditQuerySchema = z
  .object({
    action: z
      .string()
      .regex(/^[a-z_]+\.[a-z_]+$/, { error: "Unknown action." })
      .max(60)
      .optional(),
    actor: z.string().trim().max(320).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    target: z.string().trim().max(200).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    format: z.enum(["json", "csv"]).optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, { error: "The start date is after the end date." });

export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditFilters = Pick<AuditQuery, "action" | "actor" | "from" | "to" | "target">;

/** Search params without the empty fields a GET form sends; null when a field is repeated. */
export function auditQueryInput(entries: Iterable<[string, string | string[] | undefined]>): Record<string, string> | null {
  const input: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (Array.isArray(value) || key in input) return null;
    if (value !== undefined && value !== "") input[key] = value;
  }
  return input;
}

export function parseAuditQuery(entries: Iterable<[string, string | string[] | undefined]>) {
  const input = auditQueryInput(entries);
  if (!input) return { success: false as const, message: "Each filter may be given once." };
  const parsed = auditQuerySchema.safeParse(input);
  if (!parsed.success) return { success: false as const, message: parsed.error.issues[0]?.message ?? "The filters are not valid." };
  return { success: true as const, data: parsed.data };
}

/** The filters as a query string (for the next page and the CSV link). */
export function auditFilterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["action", "actor", "from", "to", "target"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}
