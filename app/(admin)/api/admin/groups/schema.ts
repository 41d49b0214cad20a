import { z } from "zod";

const groupIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "The group id is not valid.");
const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "The user id is not valid.");

export const groupParamsSchema = z.object({ id: groupIdSchema });
export const memberParamsSchema = z.object({ id: groupIdSchema, userId: userIdSchema });

const groupName = z
  .string()
  .trim()
  .min(1, "Enter a group name.")
  .max(100, "Use at most 100 characters.")
  .regex(/^[^\s,][^,]*$/, "A group name cannot contain commas.");

/** "none": members get no role from the group. */
const roleMapping = z.enum(["admin", "user", "none"]).transform((role) => (role === "none" ? null : role));

export const createGroupBodySchema = z.object({ name: groupName, role: roleMapping.default(null) });

export const updateGroupBodySchema = z
  .object({ name: groupName.optional(), role: roleMapping.optional(), evaluator: z.boolean().optional() })
  .refine((body) => body.name !== undefined || body.role !== undefined || body.evaluator !== undefined, "Send a name, a role or evaluator.");

export const addMemberBodySchema = z.object({ userId: userIdSchema });
