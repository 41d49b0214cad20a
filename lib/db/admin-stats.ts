import "server-only";
import { getDb } from "./client";

export async function getAdminOverview() {
  const db = getDb();
  const [users, admins, disabled, activeSessions] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { role: "admin" } }),
    db.user.count({ where: { status: "disabled" } }),
    db.session.count({ where: { expiresAt: { gt: new Date() } } }),
  ]);
  return { users, admins, disabled, activeSessions };
}
