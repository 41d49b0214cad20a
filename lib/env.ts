import { z } from "zod";
import { decodeEncryptionKey, ENCRYPTION_KEY_FORMAT } from "@/lib/crypto/encryption-key-format";

// One typed view of the configuration. The app refuses to start when a variable is invalid, and the message
// names the variable (instrumentation.ts prints it and exits).

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );
const lowercaseList = commaList.transform((items) => items.map((item) => item.toLowerCase().replace(/^@/, "")));
const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .optional()
  .transform((value) => (value === undefined ? undefined : ["true", "1", "yes"].includes(value)));

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^(postgres(ql)?:\/\/|file:)/i, "must start with postgresql://, postgres:// or file:")
      .optional(),
    DATA_DIR: z.string().default("data"),
    APP_URL: z.url({ protocol: /^https?$/, message: "must be the http(s) address users open, e.g. https://chat.example.com" }).default("http://localhost:3000"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
    OIDC_ISSUER: z.url({ protocol: /^https?$/, message: "must be the issuer URL of your identity provider" }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).max(60).default("SSO"),
    OIDC_SCOPES: z.string().default("openid email profile"),
    OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
    OIDC_ADMIN_GROUPS: commaList,
    LOCAL_ACCOUNTS: booleanFlag,
    LOCAL_SIGNUP: booleanFlag,
    ADMIN_EMAILS: lowercaseList,
    ALLOWED_EMAIL_DOMAINS: lowercaseList,
    ENCRYPTION_KEY: z
      .string()
      .refine((value) => decodeEncryptionKey(value) !== null, ENCRYPTION_KEY_FORMAT)
      .optional(),
    MODELS_FILE: z.string().regex(/\.(ya?ml|json)$/i, "must be a .yaml, .yml or .json file").optional(),
    REDIS_URL: z.string().regex(/^rediss?:\/\//i, "must start with redis:// or rediss://").optional(),
    MAX_CONCURRENT_ANSWERS: z.coerce.number().int().min(1).max(100_000).default(100),
    MAX_QUEUED_ANSWERS: z.coerce.number().int().min(0).max(100_000).default(500),
  })
  .superRefine((env, ctx) => {
    if (env.OIDC_ISSUER) {
      for (const key of ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when OIDC_ISSUER is set" });
      }
    } else if (env.OIDC_CLIENT_ID || env.OIDC_CLIENT_SECRET) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "is required when OIDC_CLIENT_ID is set" });
    }
    if (env.LOCAL_ACCOUNTS === false && !env.OIDC_ISSUER) {
      ctx.addIssue({
        code: "custom",
        path: ["LOCAL_ACCOUNTS"],
        message: "is false and OIDC_ISSUER is not set, so nobody could sign in",
      });
    }
    const isPostgres = /^postgres/i.test(env.DATABASE_URL ?? "");
    if (isPostgres && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required with PostgreSQL: every instance must share it (openssl rand -base64 32)",
      });
    }
    if (isPostgres && !env.ENCRYPTION_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["ENCRYPTION_KEY"],
        message: "is required with PostgreSQL: every instance must share it (openssl rand -base64 32)",
      });
    }
  });

type ParsedEnv = z.output<typeof schema>;
export type Env = Omit<ParsedEnv, "LOCAL_ACCOUNTS" | "LOCAL_SIGNUP"> & {
  LOCAL_ACCOUNTS: boolean;
  LOCAL_SIGNUP: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string } | null;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const withoutEmpty = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(withoutEmpty);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
  }
  const env = result.data;
  const oidc =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
      ? { issuer: env.OIDC_ISSUER.replace(/\/$/, ""), clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET }
      : null;
  return {
    ...env,
    LOCAL_ACCOUNTS: env.LOCAL_ACCOUNTS ?? !oidc,
    LOCAL_SIGNUP: env.LOCAL_SIGNUP ?? true,
    oidc,
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
