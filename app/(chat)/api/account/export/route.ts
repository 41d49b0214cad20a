import { accountExportStream } from "@/lib/account/export-stream";
import { auditRequest } from "@/lib/api/audit";
import { route } from "@/lib/api/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** "Download all my data": the signed-in user's profile, conversations, presets and usage as one JSON file. */
export const GET = route({ auth: "user" }, async ({ request, user }) => {
  await auditRequest(request, { action: "account.exported", actorId: user.id, target: user.id });
  return new Response(accountExportStream(user.id), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-chat-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
