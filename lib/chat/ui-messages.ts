import { type MessageRow, storedMetadata, storedText } from "./stored-message";
import type { ChatMessageMetadata, ChatUIMessage } from "./types";

/** Stored rows as the UI shows them. System rows are never sent to the browser. */
export function toChatUIMessages(rows: readonly MessageRow[]): ChatUIMessage[] {
  return rows.filter((row) => row.role !== "system").map(toChatUIMessage);
}

function toChatUIMessage(row: MessageRow): ChatUIMessage {
  const text = storedText(row.parts);
  return {
    id: row.id,
    role: row.role,
    parts: text === "" ? [] : [{ type: "text", text, state: "done" }],
    metadata: row.role === "assistant" ? assistantMetadata(row) : { createdAt: row.createdAt.toISOString() },
  };
}

function assistantMetadata(row: MessageRow): ChatMessageMetadata {
  const { timings, policyBlock } = storedMetadata(row.metadata);
  return {
    createdAt: row.createdAt.toISOString(),
    modelId: row.modelId,
    status: row.status,
    error: row.error,
    policyBlock: policyBlock ? { categories: policyBlock.categories } : null,
    usage:
      row.inputTokens !== null && row.outputTokens !== null
        ? { inputTokens: row.inputTokens, outputTokens: row.outputTokens, estimated: row.usageIsEstimated }
        : null,
    timings: timings ? { firstTokenMs: timings.firstTokenMs, totalMs: timings.totalMs } : null,
    feedback: row.feedback === 1 || row.feedback === -1 ? row.feedback : null,
  };
}
