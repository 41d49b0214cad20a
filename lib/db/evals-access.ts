import "server-only";
import { getDb } from "./client";

/** Whether the user is in a group whose members may run evaluations (admins may anyway). */
export async function isEvaluatorMember(userId: string): Promise<boolean> {
  return (await getDb().groupMember.count({ where: { userId, group: { evaluator: true } } })) > 0;
}
