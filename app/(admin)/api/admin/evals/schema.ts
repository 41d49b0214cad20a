import { z } from "zod";
import { ApiError } from "@/lib/api/errors";

export { createSetQuerySchema, startRunSchema } from "@/lib/evals/run-input";

export const idParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const SET_NOT_FOUND = new ApiError("not_found", "No such evaluation set.");
export const RUN_NOT_FOUND = new ApiError("not_found", "No such evaluation run.");

export const exportQuerySchema = z.object({ format: z.enum(["csv", "json"], { message: "format must be csv or json." }).default("csv") });

/** A little over the 10 MB an evaluation file may have, so the parser can say so with the limit's own words. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024 + 1;
export const UPLOAD_TOO_LARGE = "The file is over 10 MB.";
