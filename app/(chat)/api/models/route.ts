import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";
import { listModelOptions } from "@/lib/models/chat-models";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The models this user may chat with, as ModelOption[] (nothing secret: no endpoint, key or system prompt). */
export const GET = route({ auth: "user" }, async ({ user }) => apiJson(await listModelOptions(user)));
