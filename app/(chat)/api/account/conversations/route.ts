import { deleteConversationsInputSchema } from "@/lib/account/inputs";
import { auditRequest } from "@/lib/api/audit";
import { parseJsonBody } from "@/lib/api/parse-body";
import { apiJson } from "@/lib/api/responses";
import { withUser } from "@/lib/api/with-auth";
import { deleteAllConversationsOfUser } from "@/lib/db/account-data";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Deletes every conversation of the signed-in user (never anyone else's): body { confirmation: "DELETE" }. */
export const DELETE = withUser(async ({ request, user }) => {
  const input = await parseJsonBody(request, deleteConversationsInputSchema);
  if ("error" in input) return input.error;
  const deleted = await deleteAllConversationsOfUser({ userId: user.id });
  await auditRequest(request, { action: "account.data_deleted", actorId: user.id, target: user.id, details: { scope: "conversations", deleted } });
  return apiJson({ deleted });
});
