import { modelIdSchema } from "@/lib/models/model-id";

export type ModelRouteContext = { params: Promise<{ id: string }> };

/** The model id from the URL, or null when it cannot be one (the route answers 404, as for an unknown id). */
export async function modelIdFrom(context: ModelRouteContext): Promise<string | null> {
  const parsed = modelIdSchema.safeParse((await context.params).id);
  return parsed.success ? parsed.data : null;
}
