import { apiJson } from "@/lib/api/responses";
import { withAdmin } from "@/lib/api/with-auth";
import { getAdminOverview } from "@/lib/db/admin-stats";

export const dynamic = "force-dynamic";

export const GET = withAdmin(async () => apiJson(await getAdminOverview()));
