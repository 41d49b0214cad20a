import { apiJson } from "@/lib/api/responses";
import { withUser } from "@/lib/api/with-auth";

export const dynamic = "force-dynamic";

export const GET = withUser(async ({ user }) =>
  apiJson({ id: user.id, email: user.email, name: user.name, image: user.image, role: user.role }),
);
