import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

// 32 bytes, base64.
const encryptionKey = "q7Lr1mT9y2pXz0cVbN4sWd8fGh3jKl6oPe5uRi7tYa0=";

const oidc = {
  OIDC_ISSUER: "https://id.example.com/realms/corp/",
  OIDC_CLIENT_ID: "chat",
  OIDC_CLIENT_SECRET: "s3cret",
};

/** The problems parseEnv reports, or a failure when it accepts the input. */
function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  expect.fail(`parseEnv accepted ${JSON.stringify(source)}`);
}

describe("parseEnv", () => {
  it("fills in defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      DATA_DIR: "data",
      APP_URL: "http://localhost:3000",
      SESSION_MAX_AGE_HOURS: 24 * 7,
      OIDC_NAME: "SSO",
      OIDC_SCOPES: "openid email profile",
      OIDC_GROUPS_CLAIM: "groups",
      OIDC_ADMIN_GROUPS: [],
      ADMIN_EMAILS: [],
      ALLOWED_EMAIL_DOMAINS: [],
      LOCAL_ACCOUNTS: true,
      LOCAL_SIGNUP: true,
      oidc: null,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.ENCRYPTION_KEY).toBeUndefined();
    expect(env.MODELS_FILE).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", APP_URL: "", LOCAL_ACCOUNTS: "", OIDC_ISSUER: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.LOCAL_ACCOUNTS).toBe(true);
    expect(env.oidc).toBeNull();
  });

  it("turns local accounts on without OIDC and off with it, unless set", () => {
    expect(parseEnv({}).LOCAL_ACCOUNTS).toBe(true);
    expect(parseEnv(oidc).LOCAL_ACCOUNTS).toBe(false);
    expect(parseEnv({ ...oidc, LOCAL_ACCOUNTS: "true" }).LOCAL_ACCOUNTS).toBe(true);
    expect(parseEnv({ ...oidc, LOCAL_ACCOUNTS: "1" }).LOCAL_ACCOUNTS).toBe(true);
    expect(parseEnv({ LOCAL_SIGNUP: "no" }).LOCAL_SIGNUP).toBe(false);
  });

  it("builds the OIDC settings, without the issuer's trailing slash", () => {
    expect(parseEnv(oidc).oidc).toEqual({ issuer: "https://id.example.com/realms/corp", clientId: "chat", clientSecret: "s3cret" });
  });

  it("requires OIDC_CLIENT_ID when OIDC_ISSUER is set", () => {
    const problems = problemsOf({ OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_CLIENT_SECRET: "s3cret" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^OIDC_CLIENT_ID /);
  });

  it("requires OIDC_ISSUER when OIDC_CLIENT_ID is set", () => {
    expect(problemsOf({ OIDC_CLIENT_ID: "chat" })).toEqual([expect.stringMatching(/^OIDC_ISSUER /)]);
  });

  it("requires AUTH_SECRET and ENCRYPTION_KEY with a PostgreSQL DATABASE_URL", () => {
    const postgres = "postgresql://chat@db:5432/chat";
    expect(problemsOf({ DATABASE_URL: postgres })).toEqual([
      expect.stringMatching(/^AUTH_SECRET is required with PostgreSQL/),
      expect.stringMatching(/^ENCRYPTION_KEY is required with PostgreSQL: every instance must share it/),
    ]);
    expect(problemsOf({ DATABASE_URL: postgres, ENCRYPTION_KEY: encryptionKey })).toEqual([expect.stringMatching(/^AUTH_SECRET /)]);
    expect(problemsOf({ DATABASE_URL: postgres, AUTH_SECRET: "x".repeat(32) })).toEqual([expect.stringMatching(/^ENCRYPTION_KEY /)]);
    expect(() => parseEnv({ DATABASE_URL: postgres, AUTH_SECRET: "x".repeat(32), ENCRYPTION_KEY: encryptionKey })).not.toThrow();
    expect(() => parseEnv({ DATABASE_URL: "file:./data/chat.db" })).not.toThrow();
  });

  it("accepts ENCRYPTION_KEY as base64 or hex of 32 bytes, and names it otherwise", () => {
    expect(parseEnv({ ENCRYPTION_KEY: encryptionKey }).ENCRYPTION_KEY).toBe(encryptionKey);
    expect(() => parseEnv({ ENCRYPTION_KEY: "ab".repeat(32) })).not.toThrow();
    for (const bad of ["too-short", Buffer.alloc(16).toString("base64"), "ab".repeat(31), "zz".repeat(32)]) {
      expect(problemsOf({ ENCRYPTION_KEY: bad })).toEqual([expect.stringMatching(/^ENCRYPTION_KEY must be 32 bytes as base64 .* or 64 hex characters/)]);
    }
  });

  it("reads the database pool size and query logging, with their defaults", () => {
    expect(parseEnv({})).toMatchObject({ DB_POOL_SIZE: 10, DB_LOG_QUERIES: false });
    expect(parseEnv({ DB_POOL_SIZE: "25", DB_LOG_QUERIES: "true" })).toMatchObject({ DB_POOL_SIZE: 25, DB_LOG_QUERIES: true });
    expect(problemsOf({ DB_POOL_SIZE: "0" })).toEqual(["DB_POOL_SIZE must be at least 1"]);
    expect(problemsOf({ DB_LOG_QUERIES: "sometimes" })).toEqual(["DB_LOG_QUERIES must be true or false"]);
  });

  it("takes MODELS_FILE as an optional .yaml, .yml or .json path", () => {
    expect(parseEnv({}).MODELS_FILE).toBeUndefined();
    for (const file of ["./models.yaml", "/etc/chat/models.YML", "models.json"]) expect(parseEnv({ MODELS_FILE: file }).MODELS_FILE).toBe(file);
    expect(problemsOf({ MODELS_FILE: "./models.toml" })).toEqual(["MODELS_FILE must be a .yaml, .yml or .json file"]);
  });

  it("refuses LOCAL_ACCOUNTS=false without OIDC, since nobody could sign in", () => {
    expect(problemsOf({ LOCAL_ACCOUNTS: "false" })).toEqual([expect.stringMatching(/^LOCAL_ACCOUNTS /)]);
    expect(parseEnv({ ...oidc, LOCAL_ACCOUNTS: "false" }).LOCAL_ACCOUNTS).toBe(false);
  });

  it("names DATABASE_URL when it is not a database URL", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://db/chat" })).toEqual([expect.stringMatching(/^DATABASE_URL /)]);
  });

  it("names each invalid variable and says so in the error message", () => {
    try {
      parseEnv({ LOCAL_SIGNUP: "maybe", SESSION_MAX_AGE_HOURS: "0", APP_URL: "ftp://chat" });
      expect.fail("parseEnv accepted invalid values");
    } catch (error) {
      const { problems, message } = error as EnvError;
      expect(problems.map((problem) => problem.split(" ")[0]).sort()).toEqual(["APP_URL", "LOCAL_SIGNUP", "SESSION_MAX_AGE_HOURS"]);
      for (const problem of problems) expect(message).toContain(problem);
    }
  });

  it("trims lists, drops empty items, lowercases emails and domains (without a leading @)", () => {
    const env = parseEnv({
      ADMIN_EMAILS: " Boss@Example.COM , ,ops@corp.test,",
      ALLOWED_EMAIL_DOMAINS: "@Example.com,  CORP.test ",
      OIDC_ADMIN_GROUPS: " Chat-Admins , platform ",
    });
    expect(env.ADMIN_EMAILS).toEqual(["boss@example.com", "ops@corp.test"]);
    expect(env.ALLOWED_EMAIL_DOMAINS).toEqual(["example.com", "corp.test"]);
    // Group names are compared as the IdP sends them, so their case is kept.
    expect(env.OIDC_ADMIN_GROUPS).toEqual(["Chat-Admins", "platform"]);
  });
});
