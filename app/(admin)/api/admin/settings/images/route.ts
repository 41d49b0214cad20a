import { auditRequest } from "@/lib/api/audit";
import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { getAllowedImageHosts, saveAllowedImageHosts } from "@/lib/db/image-hosts";
import { imageHostsInputSchema } from "./schema";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** → { hosts }: where answers may load images from besides the app itself (empty: nowhere else). */
export const GET = route({ auth: "admin" }, async () => apiJson({ hosts: await getAllowedImageHosts() }));

/** `{ hosts }` (a list, or one host per line) → { hosts } as stored: trimmed, lower-case, without duplicates. */
export const PUT = route({ auth: "admin", body: imageHostsInputSchema }, async ({ request, user, body: hosts }) => {
  await saveAllowedImageHosts({ hosts });
  await auditRequest(request, {
    action: "settings.changed",
    actorId: user.id,
    target: "chat.allowedImageHosts",
    details: { setting: "allowedImageHosts", hosts },
  });
  return apiJson({ hosts });
});
