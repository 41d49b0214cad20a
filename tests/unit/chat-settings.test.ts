import { describe, expect, it } from "vitest";
import { imageHostsInputSchema } from "@/app/(admin)/api/admin/settings/images/schema";
import { chatErrorText } from "@/components/chat/chat-error-text";
import { firstMessageSettings } from "@/components/chat/settings/new-chat-settings";
import { parseSettingsFields } from "@/components/chat/settings/settings-values";
import { ApiError } from "@/lib/api/errors";
import {
  FALLBACK_MAX_OUTPUT_TOKENS,
  generationSettingsFor,
  maxOutputTokensLimit,
  readConversationSettings,
  settingsLimitProblem,
} from "@/lib/chat/generation-settings";

const model = (config: { maxOutputTokens?: number }, defaults: { temperature?: number; maxOutputTokens?: number } = {}) => ({
  name: "GPT-4o",
  config,
  defaults,
});

describe("generation settings", () => {
  it("takes the ceiling from the model's config, else its defaults, else a fallback", () => {
    expect(maxOutputTokensLimit(model({ maxOutputTokens: 4000 }, { maxOutputTokens: 800 }))).toBe(4000);
    expect(maxOutputTokensLimit(model({}, { maxOutputTokens: 800 }))).toBe(800);
    expect(maxOutputTokensLimit(model({}))).toBe(FALLBACK_MAX_OUTPUT_TOKENS);
  });

  it("merges the conversation's choice with the model's defaults and caps the answer length", () => {
    expect(generationSettingsFor(model({ maxOutputTokens: 1000 }, { temperature: 0.3, maxOutputTokens: 500 }), {})).toEqual({
      temperature: 0.3,
      maxOutputTokens: 500,
    });
    expect(generationSettingsFor(model({ maxOutputTokens: 1000 }, { temperature: 0.3 }), { temperature: 0, maxOutputTokens: 5000 })).toEqual({
      temperature: 0,
      maxOutputTokens: 1000,
    });
    expect(generationSettingsFor(model({}), {})).toEqual({ temperature: undefined, maxOutputTokens: undefined });
  });

  it("names the limit when a value is above it", () => {
    expect(settingsLimitProblem({ maxOutputTokens: 4001 }, model({ maxOutputTokens: 4000 }))).toBe("The maximum answer length for GPT-4o is 4,000 tokens.");
    expect(settingsLimitProblem({ maxOutputTokens: 4000 }, model({ maxOutputTokens: 4000 }))).toBeNull();
    expect(settingsLimitProblem({ maxOutputTokens: null }, model({ maxOutputTokens: 1 }))).toBeNull();
  });

  it("reads stored settings leniently", () => {
    expect(readConversationSettings(null)).toEqual({});
    expect(readConversationSettings({ temperature: 1, maxOutputTokens: 10 })).toEqual({ temperature: 1, maxOutputTokens: 10 });
    expect(readConversationSettings({ temperature: "hot" })).toEqual({});
  });
});

describe("the settings form", () => {
  it("reads empty fields as the model's default and checks ranges", () => {
    expect(parseSettingsFields({ systemPrompt: "  ", temperature: "", maxOutputTokens: "" }, 100)).toEqual({
      values: { systemPrompt: null, temperature: null, maxOutputTokens: null },
    });
    expect(parseSettingsFields({ systemPrompt: "Be brief.", temperature: "0.5", maxOutputTokens: "100" }, 100)).toEqual({
      values: { systemPrompt: "Be brief.", temperature: 0.5, maxOutputTokens: 100 },
    });
    const wrong = parseSettingsFields({ systemPrompt: "", temperature: "2.5", maxOutputTokens: "101" }, 100);
    expect(wrong).toEqual({ errors: { temperature: expect.stringContaining("0 to 2"), maxOutputTokens: expect.stringContaining("1 to 100") } });
    expect(parseSettingsFields({ systemPrompt: "", temperature: "", maxOutputTokens: "1.5" }, null)).toMatchObject({
      errors: { maxOutputTokens: expect.any(String) },
    });
  });

  it("sends only the values chosen with a new chat's first message", () => {
    expect(firstMessageSettings(undefined)).toBeUndefined();
    expect(firstMessageSettings({ systemPrompt: null, temperature: null, maxOutputTokens: null })).toBeUndefined();
    expect(firstMessageSettings({ systemPrompt: "Hi", temperature: 0, maxOutputTokens: null })).toEqual({ systemPrompt: "Hi", temperature: 0 });
  });
});

describe("image hosts input", () => {
  it("accepts host names with ports, one per line, normalised", () => {
    expect(imageHostsInputSchema.parse({ hosts: "A.example.com\r\n\n a.example.com \n10.0.0.1:8080" })).toEqual(["a.example.com", "10.0.0.1:8080"]);
    expect(imageHostsInputSchema.parse({ hosts: [] })).toEqual([]);
  });

  it("refuses URLs, paths, wildcards and malformed names", () => {
    for (const hosts of ["https://a.example.com", "a.example.com/x", "*.example.com", "a..example.com", "a.example.com:70000", "under_score.example.com"]) {
      expect(imageHostsInputSchema.safeParse({ hosts }).success, hosts).toBe(false);
    }
  });
});

describe("chat error text", () => {
  it("shows the server's message, a quota refusal included", () => {
    const quota = {
      error: {
        code: "quota_exceeded",
        message: "You have used your daily limit of 1,000 tokens. It resets at 00:00 UTC (midnight UTC).",
        resetsAt: "2026-01-02T00:00:00.000Z",
      },
    };
    const refusal = ApiError.fromBody(quota);
    expect(refusal?.code).toBe("quota_exceeded");
    expect(chatErrorText(refusal)).toBe(quota.error.message);
  });

  it("explains a network failure and never shows markup", () => {
    expect(chatErrorText(new TypeError("Failed to fetch"))).toMatch(/connection/);
    expect(chatErrorText(new Error("<html>Bad gateway</html>"))).toMatch(/Something went wrong/);
  });
});
