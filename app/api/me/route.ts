import { apiJson } from "@/lib/api/responses";
import { route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user" }, async ({ user }) =>
  apiJson({ id: user.id, email: user.email, name: user.name, image: user.image, role: user.role }),
);
