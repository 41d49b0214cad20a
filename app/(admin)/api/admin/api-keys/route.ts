import { adminApiKeyView } from "@/lib/api-keys/view";
import { apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { listAllApiKeys } from "@/lib/db/api-keys";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** { keys: AdminApiKeyView[] }: every user's keys, newest first (never their values). */
export const GET = withAdmin(async () => {
  const now = new Date();
  return apiJson({ keys: (await listAllApiKeys()).map((key) => adminApiKeyView(key, now)) });
});
