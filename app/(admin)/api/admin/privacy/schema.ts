import { z } from "zod";
import { boundaryPoliciesSchema, customRulesSchema } from "@/lib/db/privacy-settings";

/** PUT /api/admin/privacy: the changes to each boundary's default policy and the confidential terms and patterns. */
export const privacySettingsInputSchema = z.object({ boundaryPolicies: boundaryPoliciesSchema, customRules: customRulesSchema }).strict();

/** POST /api/admin/privacy/try: text to run the detectors on (never stored or logged). */
export const tryTextSchema = z.object({ text: z.string().min(1, "Type some text to try.").max(20_000, "At most 20,000 characters.") }).strict();
