import { auditRequest } from "@/lib/api/audit";
import { apiError, apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { internalError } from "@/lib/chat/api-responses";
import { firstIssueMessage, readJsonBody } from "@/lib/chat/request-input";
import { getAllowedImageHosts, saveAllowedImageHosts } from "@/lib/db/image-hosts";
import { imageHostsInputSchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** → { hosts }: where answers may load images from besides the app itself (empty: nowhere else). */
export const GET = withAdmin(async () => {
  try {
    return apiJson({ hosts: await getAllowedImageHosts() });
  } catch (error) {
    return internalError("GET /api/admin/settings/images", error);
  }
});

/** `{ hosts }` (a list, or one host per line) → { hosts } as stored: trimmed, lower-case, without duplicates. */
export const PUT = withAdmin(async ({ request, user }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const input = imageHostsInputSchema.safeParse(body.value);
  if (!input.success) return apiError("bad_request", firstIssueMessage(input.error));
  try {
    await saveAllowedImageHosts({ hosts: input.data });
    await auditRequest(request, {
      action: "settings.changed",
      actorId: user.id,
      target: "chat.allowedImageHosts",
      details: { setting: "allowedImageHosts", hosts: input.data },
    });
    return apiJson({ hosts: input.data });
  } catch (error) {
    return internalError("PUT /api/admin/settings/images", error);
  }
});
