import { z } from "zod";
import { passwordPolicyProblem } from "@/lib/auth/password-policy";
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/ui/sign-up-state";

/** The path of /api/admin/users/[id]/…. */
export const userParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "The user id is not valid.") });

export const listUsersQuerySchema = z.object({
  query: z.string().trim().max(200).optional(),
  role: z.enum(["admin", "user"]).optional(),
  status: z.enum(["active", "disabled", "pending"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const createUserBodySchema = z
  .object({
    email: z.string().trim().toLowerCase().max(EMAIL_MAX_LENGTH, `Use at most ${EMAIL_MAX_LENGTH} characters.`).pipe(z.email("Enter a valid email address.")),
    name: z.string().trim().max(NAME_MAX_LENGTH, `Use at most ${NAME_MAX_LENGTH} characters.`).default(""),
    role: z.enum(["admin", "user"]).default("user"),
    /** Absent: the server generates one and returns it once. */
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`)
      .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
      .optional(),
  })
  .superRefine((input, ctx) => {
    // A typed password follows the same policy as sign-up (common passwords, the person's own names).
    const problem = input.password === undefined ? null : passwordPolicyProblem(input.password, input);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const updateUserBodySchema = z.union([z.strictObject({ role: z.enum(["admin", "user"]) }), z.strictObject({ status: z.enum(["active", "disabled"]) })], {
  error: "Send either a role (admin, user) or a status (active, disabled).",
});

export const deleteUserBodySchema = z.object({
  confirmEmail: z.string().trim().toLowerCase().min(1, "Type the user's email to confirm.").max(EMAIL_MAX_LENGTH),
});
