import { z } from "zod";
import { boundaries, findingCategories, privacyActions } from "./policy";
import { findingTypes } from "./types";

// Input validation for a model's boundary and policy override (admin console, MODELS_FILE).

const actionSchema = z.enum(privacyActions);

export const boundarySchema = z.enum(boundaries);

export const privacyPolicyOverrideSchema = z
  .object({
    byCategory: z.partialRecord(z.enum(findingCategories), actionSchema).optional(),
    byType: z.partialRecord(z.enum(findingTypes), actionSchema).optional(),
    minConfidence: z.number().min(0).max(1).optional(),
  })
  .strict();
