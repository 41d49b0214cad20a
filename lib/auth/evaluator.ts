import "server-only";
import { notFound } from "next/navigation";
import { isEvaluatorMember } from "@/lib/db/evals-access";
import { type CurrentUser, requireUser } from "./session";

/** Whether the user may run evaluations: an admin, or a member of a group allowed to (read fresh each time). */
export async function mayEvaluate(user: CurrentUser): Promise<boolean> {
  return user.role === "admin" || (await isEvaluatorMember(user.id));
}

/** For the evaluation pages: anyone else gets a 404, as on the other admin pages. */
export async function requireEvaluator(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!(await mayEvaluate(user))) notFound();
  return user;
}
