import { z } from "zod";
import type { MessageStatus } from "./types";

// Reading the Json columns back: rows written by older versions or by hand must not break a conversation view.

const textPartsSchema = z.array(z.looseObject({ type: z.string(), text: z.string().optional() }));

const metadataSchema = z.looseObject({
  timings: z.looseObject({ firstTokenMs: z.number().optional(), totalMs: z.number().optional() }).optional().catch(undefined),
  policyBlock: z
    .looseObject({ categories: z.array(z.string()) })
    .optional()
    .catch(undefined),
  lengthLimit: z.enum(["tokens", "time"]).optional().catch(undefined),
  tooLong: z.boolean().optional().catch(undefined),
});

/** The text of a stored message: its text parts joined ("" for anything unreadable). */
export function storedText(parts: unknown): string {
  const parsed = textPartsSchema.safeParse(parts);
  if (!parsed.success) return "";
  return parsed.data.map((part) => (part.type === "text" ? (part.text ?? "") : "")).join("");
}

export function storedMetadata(metadata: unknown): z.infer<typeof metadataSchema> {
  const parsed = metadataSchema.safeParse(metadata ?? {});
  return parsed.success ? parsed.data : {};
}

/** The fields of a Message row the chat reads. */
export interface MessageRow {
  id: string;
  role: "system" | "user" | "assistant";
  parts: unknown;
  modelId: string | null;
  status: MessageStatus;
  error: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  usageIsEstimated: boolean;
  metadata: unknown;
  feedback: number | null;
  createdAt: Date;
}
