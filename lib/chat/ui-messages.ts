import type { SiblingPosition } from "./message-tree";
import { type MessageRow, storedMetadata, storedText } from "./stored-message";
import type { ChatMessageMetadata, ChatUIMessage } from "./types";

/**
 * Stored rows (one branch) as the UI shows them, each with its place among its alternatives when it has any. System
 * rows are never sent to the browser.
 */
export function toChatUIMessages(rows: readonly MessageRow[], positions?: ReadonlyMap<string, SiblingPosition>): ChatUIMessage[] {
  return rows.filter((row) => row.role !== "system").map((row) => toChatUIMessage(row, positions?.get(row.id)));
}

function toChatUIMessage(row: MessageRow, position: SiblingPosition | undefined): ChatUIMessage {
  const text = storedText(row.parts);
  const metadata: ChatMessageMetadata = row.role === "assistant" ? assistantMetadata(row) : { createdAt: row.createdAt.toISOString() };
  if (position && position.count > 1) metadata.siblings = { ...position };
  return { id: row.id, role: row.role, parts: text === "" ? [] : [{ type: "text", text, state: "done" }], metadata };
}

function assistantMetadata(row: MessageRow): ChatMessageMetadata {
  const { timings, policyBlock, lengthLimit, tooLong } = storedMetadata(row.metadata);
  return {
    createdAt: row.createdAt.toISOString(),
    modelId: row.modelId,
    status: row.status,
    error: row.error,
    policyBlock: policyBlock ? { categories: policyBlock.categories } : null,
    lengthLimit: lengthLimit ? true : null,
    tooLong: tooLong ? true : null,
    usage:
      row.inputTokens !== null && row.outputTokens !== null
        ? { inputTokens: row.inputTokens, outputTokens: row.outputTokens, estimated: row.usageIsEstimated }
        : null,
    timings: timings ? { firstTokenMs: timings.firstTokenMs, totalMs: timings.totalMs } : null,
    feedback: row.feedback === 1 || row.feedback === -1 ? row.feedback : null,
  };
}
