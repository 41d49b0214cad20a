import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { getAdminOverview } from "@/lib/db/admin-stats";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "admin" }, async () => apiJson(await getAdminOverview()));
