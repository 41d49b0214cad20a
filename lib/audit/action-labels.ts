import type { AuditAction } from "@/lib/db/audit";

// Human labels for the audit log's action names; an action without one is shown by its name.
const labelByAction: Partial<Record<AuditAction, string>> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_out": "Signed out",
  "auth.sign_up": "Signed up",
  "auth.sign_up_refused": "Sign-up refused",
  "auth.locked_out": "Locked out (too many attempts)",
  "auth.signed_out_everywhere": "Signed out everywhere",
  "user.created": "User created",
  "user.role_changed": "Role changed",
  "user.status_changed": "Status changed",
  "user.approved": "User approved",
  "user.deleted": "User deleted",
  "group.created": "Group created",
  "group.updated": "Group updated",
  "group.deleted": "Group deleted",
  "group.member_added": "Group member added",
  "group.member_removed": "Group member removed",
  "model.created": "Model created",
  "model.updated": "Model changed",
  "model.deleted": "Model deleted",
  "model.key_changed": "Model key changed",
  "model.tested": "Model tested",
  "model.access_changed": "Model access changed",
  "quota.changed": "Quota changed",
  "settings.changed": "Setting changed",
  "usage.exported": "Usage exported",
  "audit.exported": "Audit log exported",
  "conversation.exported": "Conversation exported",
  "account.exported": "Own data downloaded",
  "account.data_deleted": "Own data deleted",
  "retention.ran": "Retention job ran",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "api_key.admin_revoked": "API key revoked by an admin",
  "privacy.blocked": "Message blocked (privacy)",
  "privacy.confirmed": "Privacy warning confirmed",
  "privacy.redacted": "Personal data redacted",
  "eval_set.created": "Evaluation set uploaded",
  "eval_set.deleted": "Evaluation set deleted",
  "eval_run.started": "Evaluation run started",
  "eval_run.cancelled": "Evaluation run cancelled",
  "eval_run.exported": "Evaluation results exported",
};

export function auditActionLabel(action: string): string {
  return labelByAction[action as AuditAction] ?? action;
}

/** The actions offered in the filter, in the order above. */
export const AUDIT_ACTION_OPTIONS = Object.entries(labelByAction).map(([value, label]) => ({ value, label: label as string }));
