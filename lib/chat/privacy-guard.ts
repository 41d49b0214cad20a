import "server-only";
import type { ChatMessage } from "@/lib/ai/chat-message";
import { ApiError } from "@/lib/api/errors";
import { recordAuditEvent } from "@/lib/db/audit";
import { type BoundaryPolicies, getPrivacySettings, type PrivacySettings } from "@/lib/db/privacy-settings";
import type { ChatModel } from "@/lib/models/chat-models";
import type { FindingCount } from "@/lib/privacy/decision";
import { describeCounts } from "@/lib/privacy/describe";
import { type CompiledCustomRules, type CustomRule, compileCustomRules } from "@/lib/privacy/detectors/custom-rules";
import { guardPrompt } from "@/lib/privacy/guard-prompt";
import { boundaryOfModel, policyForModel } from "@/lib/privacy/model-policy";
import type { PlaceholderTable } from "@/lib/privacy/placeholders";
import { type Boundary, isPolicyActive, type PrivacyPolicy } from "@/lib/privacy/policy";
import type { PrivacyFindings } from "@/lib/privacy/privacy-findings";
import { log } from "@/lib/server/log";

// Every prompt on its way to a model passes here (chat, regenerate, edit, Compare, titles, the /v1 API): the model's
// policy (its boundary's default, the admin's changes, the model's own) decides on the findings in everything that
// would be sent. Nothing here logs or audits a value: types and counts only.

export type PrivacySurface = "chat" | "compare" | "title" | "api" | "evaluation";

export type PrivacyRefusal = { code: "privacy_blocked" | "privacy_confirm"; message: string; findings: PrivacyFindings };

export type SendablePrompt = {
  /** What goes to the backend: the prompt with the redacted findings replaced by placeholders. */
  prompt: ChatMessage[];
  /** Maps the placeholders in the answer back (createStreamingRestorer); null when nothing was replaced. */
  table: PlaceholderTable | null;
  /** Audits a confirmed warning or a redaction; call once the request is really going out. */
  recordSent: () => Promise<void>;
};

export type PrivacyCheck = { ok: true; sendable: SendablePrompt } | { ok: false; refusal: PrivacyRefusal };

export type PrivacyCheckInput = {
  userId: string;
  model: ChatModel;
  prompt: readonly ChatMessage[];
  /** What the user confirmed after a privacy_confirm refusal. */
  acknowledged?: readonly FindingCount[];
  surface: PrivacySurface;
  /** Already loaded for this model (see modelPrivacy); else loaded here. */
  privacy?: ModelPrivacy;
};

/** A model's boundary, the policy its requests get and the admin's compiled terms and patterns. */
export type ModelPrivacy = { boundary: Boundary; policy: PrivacyPolicy; customRules: CompiledCustomRules | undefined };

/** `settings`: already read with the caller's other settings (one query); else read here. */
export async function modelPrivacy(model: ChatModel, settings?: PrivacySettings): Promise<ModelPrivacy> {
  const { boundaryPolicies, customRules } = await privacyRules(settings);
  return { boundary: boundaryOfModel(model.config), policy: policyForModel(model.config, boundaryPolicies), customRules };
}

/** The admin's boundary policies and compiled terms and patterns (also for the admin's try box). */
export async function privacyRules(settings?: PrivacySettings): Promise<{ boundaryPolicies: BoundaryPolicies; customRules: CompiledCustomRules | undefined }> {
  const { boundaryPolicies, customRules } = settings ?? (await getPrivacySettings());
  return { boundaryPolicies, customRules: compiledRules(customRules) };
}

/**
 * Whether the prompt may be counted on the backend's own /tokenize, which sees it before the guard does: only where
 * the policy lets everything through (else it is counted locally).
 */
export function mayCountRemotely(privacy: ModelPrivacy): boolean {
  return !isPolicyActive(privacy.policy);
}

/** Decides on a prompt; a block is audited here, before the caller refuses. */
export async function checkPromptPrivacy({ userId, model, prompt, acknowledged, surface, privacy }: PrivacyCheckInput): Promise<PrivacyCheck> {
  const { boundary, policy, customRules } = privacy ?? (await modelPrivacy(model));
  // Nothing to find where everything is allowed: the common internal case pays no detection.
  if (!isPolicyActive(policy)) return { ok: true, sendable: { prompt: [...prompt], table: null, recordSent: async () => {} } };
  const guarded = guardPrompt(prompt, policy, { customRules, acknowledged });
  const { decision } = guarded;
  const audit = (action: "privacy.blocked" | "privacy.confirmed" | "privacy.redacted", counts: readonly FindingCount[]) => {
    // As one string: the logger masks fields named like personal data ("email"), and these are only counts.
    const summary = counts.map(({ type, count }) => `${type}:${count}`).join(",");
    log.info({ area: "privacy", surface, modelId: model.id, boundary, action, findings: summary }, "privacy policy applied");
    return recordAuditEvent({ action, actorId: userId, target: model.id, details: { surface, boundary, ...countsByType(counts) } });
  };
  if (decision.outcome === "block") {
    await audit("privacy.blocked", decision.blocked);
    return {
      ok: false,
      refusal: { code: "privacy_blocked", message: blockMessage(model, boundary, decision.blocked), findings: { boundary, blocked: decision.blocked } },
    };
  }
  if (decision.outcome === "confirm") {
    const findings = { boundary, warnings: decision.warnings, redactions: decision.redactions };
    return { ok: false, refusal: { code: "privacy_confirm", message: confirmMessage(model, boundary, decision.warnings, decision.redactions), findings } };
  }
  if (!("prompt" in guarded)) throw new Error("a send decision carries its prompt");
  const acted = [...decision.warnings, ...decision.redactions];
  const recordSent = async () => {
    if (acted.length === 0) return;
    await audit(decision.warnings.length > 0 ? "privacy.confirmed" : "privacy.redacted", mergeCounts(acted));
  };
  return { ok: true, sendable: { prompt: guarded.prompt, table: decision.redact.length > 0 ? guarded.table : null, recordSent } };
}

/** For the app's own API (chat, Compare): a refusal as the ApiError the composer understands. */
export function privacyApiError(refusal: PrivacyRefusal): ApiError {
  return new ApiError(refusal.code, refusal.message, { privacy: refusal.findings });
}

/**
 * A privacy refusal that must not tell which model refused (the blind arena, before its vote): the counts only, no
 * model name or boundary. A warning cannot be confirmed there, so it refuses like a block.
 */
export function anonymousPrivacyError(error: unknown): unknown {
  if (!(error instanceof ApiError) || (error.code !== "privacy_blocked" && error.code !== "privacy_confirm")) return error;
  const counts = describeCounts(error.privacy?.blocked ?? error.privacy?.warnings ?? []);
  const why = error.code === "privacy_blocked" ? "which one of the models drawn may not receive" : "which the arena does not send without a confirmation";
  return new ApiError("privacy_blocked", `Not sent: the prompt contains ${counts}, ${why}. Remove it and try again.`);
}

/** checkPromptPrivacy for the app's own API: the sendable prompt, or the refusal thrown as an ApiError. */
export async function guardModelPrompt(input: PrivacyCheckInput): Promise<SendablePrompt> {
  const check = await checkPromptPrivacy(input);
  if (!check.ok) throw privacyApiError(check.refusal);
  return check.sendable;
}

function whereItRuns(model: ChatModel, boundary: Boundary): string {
  return boundary === "external" ? `${model.name} runs outside the company` : `${model.name} runs inside the company`;
}

function blockMessage(model: ChatModel, boundary: Boundary, blocked: readonly FindingCount[]): string {
  const advice = boundary === "external" ? " Remove it, or choose a model that runs inside the company." : " Remove it and send again.";
  return `Not sent: what would be sent contains ${describeCounts(blocked)}, which ${model.name} may not receive (${whereItRuns(model, boundary)}).${advice}`;
}

function confirmMessage(model: ChatModel, boundary: Boundary, warnings: readonly FindingCount[], redactions: readonly FindingCount[]): string {
  const replaced = redactions.length > 0 ? ` ${capitalize(describeCounts(redactions))} will be replaced by placeholders.` : "";
  return `${whereItRuns(model, boundary)}. What would be sent contains ${describeCounts(warnings)}.${replaced} Send it anyway?`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function countsByType(counts: readonly FindingCount[]): Record<string, number> {
  return Object.fromEntries(counts.map(({ type, count }) => [type, count]));
}

function mergeCounts(counts: readonly FindingCount[]): FindingCount[] {
  const byType = new Map<FindingCount["type"], number>();
  for (const { type, count } of counts) byType.set(type, (byType.get(type) ?? 0) + count);
  return [...byType].map(([type, count]) => ({ type, count }));
}

// Compiling admin patterns costs more than running them: kept while the rules are unchanged.
let compiledCache: { key: string; rules: CompiledCustomRules } | null = null;

function compiledRules(rules: readonly CustomRule[]): CompiledCustomRules | undefined {
  if (rules.length === 0) return undefined;
  const key = JSON.stringify(rules);
  if (compiledCache?.key !== key) compiledCache = { key, rules: compileCustomRules(rules).compiled };
  return compiledCache.rules;
}
