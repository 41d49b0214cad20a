import { z } from "zod";
import { activePath } from "./message-tree";
import { type MessageRow, storedText } from "./stored-message";
import type { MessageStatus, MessageUsage } from "./types";

export const exportQuerySchema = z.object({ format: z.enum(["md", "json"]) }).strict();
export type ExportFormat = z.infer<typeof exportQuerySchema>["format"];

export interface ExportConversation {
  id: string;
  title: string;
  modelId: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The newest message of the branch on show (null: the latest message). */
  activeMessageId: string | null;
}

export type ExportMessageRow = MessageRow & { parentId: string | null; feedback: number | null };

/** The JSON export: what the user sees (the branch on show), never a system prompt, an endpoint or a key. */
export interface ConversationExport {
  title: string;
  model: string | null;
  createdAt: string;
  updatedAt: string;
  exportedAt: string;
  messages: {
    id: string;
    role: "user" | "assistant";
    text: string;
    model: string | null;
    status: MessageStatus;
    createdAt: string;
    usage: MessageUsage | null;
    feedback: 1 | -1 | null;
  }[];
}

function feedbackOf(value: number | null): 1 | -1 | null {
  return value === 1 || value === -1 ? value : null;
}

export function toConversationExport(conversation: ExportConversation, rows: readonly ExportMessageRow[], now = new Date()): ConversationExport {
  return {
    title: conversation.title,
    model: conversation.modelId,
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
    exportedAt: now.toISOString(),
    messages: activePath(rows, conversation.activeMessageId).flatMap((row) =>
      row.role === "system"
        ? []
        : [
            {
              id: row.id,
              role: row.role,
              text: storedText(row.parts),
              model: row.role === "assistant" ? row.modelId : null,
              status: row.status,
              createdAt: row.createdAt.toISOString(),
              usage:
                row.inputTokens !== null && row.outputTokens !== null
                  ? { inputTokens: row.inputTokens, outputTokens: row.outputTokens, estimated: row.usageIsEstimated }
                  : null,
              feedback: row.role === "assistant" ? feedbackOf(row.feedback) : null,
            },
          ],
    ),
  };
}

const STATUS_NOTES: Partial<Record<MessageStatus, string>> = {
  stopped: "Stopped",
  interrupted: "Interrupted",
  error: "Failed",
  streaming: "Still being written",
};

/** Readable Markdown: the title, then each message under a heading naming who wrote it. */
export function toMarkdown(data: ConversationExport): string {
  const lines = [`# ${data.title}`, "", `_Exported ${data.exportedAt}_`, ""];
  for (const message of data.messages) {
    const author = message.role === "user" ? "You" : `Assistant${message.model ? ` (${message.model})` : ""}`;
    lines.push(`## ${author}`, "", message.text || "_(no text)_", "");
    const note = STATUS_NOTES[message.status];
    if (note) lines.push(`_${note}_`, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

const FILENAME_MAX = 80;

/** A file name from the title: letters, digits and dashes only, so every OS and header accepts it. */
export function exportFilename(title: string, format: ExportFormat): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, FILENAME_MAX)
    .replace(/-+$/, "");
  return `${base || "conversation"}.${format}`;
}
