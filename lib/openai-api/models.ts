import "server-only";
import { isEnabledModel } from "@/lib/db/models";
import { getChatModel, listModelOptions } from "@/lib/models/chat-models";
import type { ApiCaller } from "./authenticate";
import { modelNotAllowed, modelNotFound } from "./errors";

const OWNER = "organization";

function modelObject(id: string) {
  return { id, object: "model" as const, created: 0, owned_by: OWNER };
}

/** GET /v1/models: the models this caller may use, by the app's model ids, in the admins' order. */
export async function listModels(caller: ApiCaller): Promise<Response> {
  const models = await listModelOptions(caller.user);
  return Response.json({ object: "list", data: models.map((model) => modelObject(model.id)) }, { headers: { "Cache-Control": "no-store" } });
}

/** GET /v1/models/{id}: one of them; 403 for a model this caller may not use, 404 for none. */
export async function retrieveModel(caller: ApiCaller, id: string): Promise<Response> {
  if (await getChatModel(caller.user, id)) return Response.json(modelObject(id), { headers: { "Cache-Control": "no-store" } });
  return ((await isEnabledModel(id)) ? modelNotAllowed(id) : modelNotFound(id)).toResponse();
}
