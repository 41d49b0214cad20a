import { z } from "zod";
import { findingTypes } from "./types";

// The findings a user confirms, as the chat and compare requests carry them (types and counts, never a value); what a
// refusal tells the browser about its findings is read in privacy-findings.ts.

export const findingCountSchema = z.object({ type: z.enum(findingTypes), count: z.number().int().min(1).max(100_000) }).strict();

/** The counts a user confirmed after seeing them (POST /api/chat, /api/compare): see decidePrivacy. */
export const privacyAcknowledgedSchema = z.array(findingCountSchema).max(findingTypes.length);
