import type { ChatMessage } from "@/lib/ai/chat-message";
import { decidePrivacy, type FindingCount, type PrivacyDecision } from "./decision";
import { detectFindings } from "./detect";
import type { CompiledCustomRules } from "./detectors/custom-rules";
import { createPlaceholderTable, type PlaceholderTable, redactText, reservePlaceholdersIn } from "./placeholders";
import type { PrivacyPolicy } from "./policy";
import { actionFor } from "./policy";

// The one place a prompt passes the privacy policy on its way to a model: everything that would be sent (system
// prompt, earlier turns, the new message: the prompt exactly as buildPrompt made it) is scanned, one decision is
// taken, and on "send" the prompt goes out with the redacted findings replaced. The table stays with the request
// to restore the answer (createStreamingRestorer) and is never sent or stored.

export type GuardOptions = { customRules?: CompiledCustomRules; acknowledged?: readonly FindingCount[] };
export type GuardedPrompt =
  | { decision: Exclude<PrivacyDecision, { outcome: "send" }> }
  | { decision: Extract<PrivacyDecision, { outcome: "send" }>; prompt: ChatMessage[]; table: PlaceholderTable };

export function guardPrompt(prompt: readonly ChatMessage[], policy: PrivacyPolicy, options: GuardOptions = {}): GuardedPrompt {
  const findingsPerMessage = prompt.map((message) => detectFindings(message.content, { customRules: options.customRules }));
  const decision = decidePrivacy(findingsPerMessage.flat(), policy, options.acknowledged);
  if (decision.outcome !== "send") return { decision };
  const table = createPlaceholderTable();
  for (const message of prompt) reservePlaceholdersIn(table, message.content);
  // In prompt order, so numbering follows the conversation: the first customer mentioned is [EMAIL_1].
  const redacted = prompt.map((message, index) => {
    const toRedact = (findingsPerMessage[index] ?? []).filter((finding) => actionFor(policy, finding) === "redact");
    return toRedact.length === 0 ? { ...message } : { ...message, content: redactText(message.content, toRedact, table) };
  });
  return { decision, prompt: redacted, table };
}
