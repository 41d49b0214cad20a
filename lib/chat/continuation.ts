import "server-only";
import { getConversationForUser } from "@/lib/db/conversations";
import { listMessages } from "@/lib/db/messages";
import { loadConversationSettings } from "./conversation-settings";
import { activePath } from "./message-tree";
import { storedText } from "./stored-message";

type SignedInUser = { id: string; role: "admin" | "user" };

/** A new chat that goes on from a conversation the model can no longer take whole (`/?continue=id`). */
export interface Continuation {
  title: string;
  modelId: string | null;
  settings: { systemPrompt: string | null; temperature: number | null; maxOutputTokens: number | null };
  /** The first message, ready to send: the last exchange quoted, then the question that got no answer. */
  draft: string;
}

// Enough of the last exchange to carry its point; the rest stays in the old conversation.
const QUESTION_CHARS = 1_000;
const ANSWER_CHARS = 2_000;

/**
 * What the new chat starts from, for the owner only (null otherwise): the conversation's model and settings, and a
 * draft quoting its last answered exchange (shortened) before its last question, which the user can edit and send.
 */
export async function loadContinuation(user: SignedInUser, conversationId: string): Promise<Continuation | null> {
  const conversation = await getConversationForUser(user.id, conversationId);
  if (!conversation) return null;
  const [rows, settings] = await Promise.all([listMessages(conversation.id), loadConversationSettings(user, conversation.id)]);
  const turns = activePath(rows, conversation.activeMessageId)
    .filter((row) => row.role !== "system")
    .map((row) => ({ role: row.role, text: storedText(row.parts).trim() }));
  const lastQuestionAt = turns.findLastIndex((turn) => turn.role === "user");
  const lastQuestion = turns[lastQuestionAt]?.text ?? "";
  const answeredAt = turns.findLastIndex((turn, index) => index < lastQuestionAt && turn.role === "assistant" && turn.text !== "");
  const answer = turns[answeredAt];
  const question = turns.slice(0, Math.max(0, answeredAt)).findLast((turn) => turn.role === "user");
  const title = conversation.title;
  const quoted = answer
    ? ["", ...quote(`**Me:** ${shorten(question?.text ?? "", QUESTION_CHARS)}`), ">", ...quote(`**Answer:** ${shorten(answer.text, ANSWER_CHARS)}`), ""]
    : [""];
  return {
    title,
    modelId: conversation.modelId,
    settings: {
      systemPrompt: settings?.systemPrompt ?? null,
      temperature: settings?.temperature ?? null,
      maxOutputTokens: settings?.maxOutputTokens ?? null,
    },
    draft: [`(Continued from “${title}”, which grew too long for the model.${answer ? " Where it stood:" : ""})`, ...quoted, lastQuestion].join("\n"),
  };
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max).trimEnd()}…`;
}

function quote(text: string): string[] {
  return text.split("\n").map((line) => (line ? `> ${line}` : ">"));
}
