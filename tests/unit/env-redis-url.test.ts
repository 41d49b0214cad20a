import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    return error instanceof EnvError ? error.problems : [String(error)];
  }
}

describe("REDIS_URL", () => {
  it("is optional: without it the database keeps the rate counters", () => {
    expect(parseEnv({}).REDIS_URL).toBeUndefined();
    expect(parseEnv({ REDIS_URL: "" }).REDIS_URL).toBeUndefined();
  });

  it("takes redis:// and rediss:// (TLS) addresses", () => {
    for (const url of ["redis://127.0.0.1:6379", "rediss://user:secret@cache.example.com:6380/2", "REDIS://cache:6379"]) {
      expect(parseEnv({ REDIS_URL: url }).REDIS_URL).toBe(url);
    }
  });

  it("refuses anything else, naming the variable", () => {
    expect(problemsOf({ REDIS_URL: "http://cache:6379" })).toEqual(["REDIS_URL must start with redis:// or rediss://"]);
    expect(problemsOf({ REDIS_URL: "cache:6379" })).toEqual(["REDIS_URL must start with redis:// or rediss://"]);
  });
});
