import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/auth/client-address";
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
    SESSION_MAX_AGE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 7),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 90)
      .default(0),
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(3).max(100).default(10),
    SIGN_IN_LOCKOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    SIGN_UPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
    TRUSTED_PROXIES: z
      .string()
      .refine((value) => parseTrustedProxies(value) !== null, "must be a hop count (e.g. 1) or a comma list of proxy addresses and CIDRs (e.g. 10.0.0.0/8)")
      .optional(),
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
    MODELS_FILE: z
      .string()
      .regex(/\.(ya?ml|json)$/i, "must be a .yaml, .yml or .json file")
      .optional(),
    EVAL_SETS_DIR: z.string().min(1).optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//i, "must start with redis:// or rediss://")
      .optional(),
    SQLITE_LOCK_WAIT_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
    ANSWER_MAX_SECONDS: z.coerce
      .number()
      .int()
      .min(10)
      .max(24 * 3600)
      .default(600),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOG_PROMPTS: booleanFlag.transform((value) => value ?? false),
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (openssl rand -hex 24)").optional(),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(25),
    DB_POOL_SIZE: z.coerce.number().int().min(1, "must be at least 1").max(1_000, "must be at most 1000").default(10),
    DB_LOG_QUERIES: booleanFlag,
    MAX_CONCURRENT_ANSWERS: z.coerce.number().int().min(1).max(100_000).default(100),
    MAX_QUEUED_ANSWERS: z.coerce.number().int().min(0).max(100_000).default(500),
    MAX_QUEUE_WAIT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
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
export type Env = Omit<ParsedEnv, "LOCAL_ACCOUNTS" | "LOCAL_SIGNUP" | "DB_LOG_QUERIES"> & {
  LOCAL_ACCOUNTS: boolean;
  LOCAL_SIGNUP: boolean;
  DB_LOG_QUERIES: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string } | null;
  trustedProxies: TrustedProxies;
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
    DB_LOG_QUERIES: env.DB_LOG_QUERIES ?? false,
    oidc,
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES) ?? { hops: 0 },
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
