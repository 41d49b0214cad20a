import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { adminApiKeyView } from "@/lib/api-keys/view";
import { listAllApiKeys } from "@/lib/db/api-keys";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** { keys: AdminApiKeyView[] }: every user's keys, newest first (never their values). */
export const GET = route({ auth: "admin" }, async () => {
  const now = new Date();
  return apiJson({ keys: (await listAllApiKeys()).map((key) => adminApiKeyView(key, now)) });
});
