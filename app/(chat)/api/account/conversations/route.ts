import { deleteConversationsInputSchema } from "@/lib/account/schema";
import { auditRequest } from "@/lib/api/audit";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { deleteAllConversationsOfUser } from "@/lib/db/account-data";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Deletes every conversation of the signed-in user (never anyone else's): body { confirmation: "DELETE" }. */
export const DELETE = route({ auth: "user", body: deleteConversationsInputSchema }, async ({ request, user }) => {
  const deleted = await deleteAllConversationsOfUser({ userId: user.id });
  await auditRequest(request, { action: "account.data_deleted", actorId: user.id, target: user.id, details: { scope: "conversations", deleted } });
  return apiJson({ deleted });
});
