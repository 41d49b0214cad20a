import { describe, expect, it } from "vitest";
import { buildModelBody, initialFormValues } from "@/components/admin/models/model-form-values";
import { rulesToText, textToRules } from "@/components/admin/privacy/privacy-rules-text";
import type { AdminModel } from "@/lib/models/admin-models";

// The admin forms around the privacy guard: a model's data boundary in the model form, and the confidential terms
// and patterns as lines of text.

describe("the model form's data boundary", () => {
  const stored: AdminModel = {
    id: "llama",
    name: "Llama",
    provider: "ollama",
    endpoint: "http://ollama:11434",
    connection: { model: "llama2", boundary: "external", privacy: { byType: { iban: "block" } } },
    secrets: {},
    defaults: {},
    enabled: true,
    isDefault: false,
    sortOrder: 0,
    managedByFile: false,
    demo: false,
    inputPricePerMTok: null,
    outputPricePerMTok: null,
    accessGroups: [],
  };

  it("round-trips a set boundary and keeps the model's own per-type rules, which the form does not show", () => {
    const built = buildModelBody(initialFormValues(stored), stored);
    expect(built.ok && built.body.config).toEqual({
      provider: "ollama",
      endpoint: "http://ollama:11434",
      model: "llama2",
      boundary: "external",
      privacy: { byType: { iban: "block" } },
      apiKey: "",
    });
  });

  it("saves the categories chosen in the form as privacy.byCategory beside the kept per-type rules, also across a provider change", () => {
    const values = initialFormValues(stored);
    expect(values.privacy).toEqual({});
    const built = buildModelBody({ ...values, privacy: { personal: "block", secret: "allow" } }, stored);
    expect(built.ok && built.body.config).toMatchObject({ privacy: { byCategory: { personal: "block", secret: "allow" }, byType: { iban: "block" } } });

    const edited: AdminModel = { ...stored, connection: { ...stored.connection, privacy: { byCategory: { personal: "redact" }, minConfidence: 0.8 } } };
    expect(initialFormValues(edited).privacy).toEqual({ personal: "redact" });
    const moved = buildModelBody({ ...initialFormValues(edited), provider: "tgi", connection: { endpoint: "http://tgi" } }, edited);
    expect(moved.ok && moved.body.config).toMatchObject({ provider: "tgi", privacy: { byCategory: { personal: "redact" }, minConfidence: 0.8 } });
  });

  it("drops the override when every category follows the boundary again and nothing else was set", () => {
    const own: AdminModel = { ...stored, connection: { model: "llama2", privacy: { byCategory: { personal: "block" } } } };
    const built = buildModelBody({ ...initialFormValues(own), privacy: {} }, own);
    expect(built.ok && built.body.config).not.toHaveProperty("privacy");
  });

  it("leaves the boundary unset (the provider's default) when the admin picks the default", () => {
    const values = initialFormValues(stored);
    const built = buildModelBody({ ...values, connection: { ...values.connection, boundary: "" } }, stored);
    expect(built.ok && built.body.config).not.toHaveProperty("boundary");
  });
});

describe("confidential rules as text", () => {
  it("reads one rule a line, with an optional capitalised label, and writes them back the same way", () => {
    const rules = textToRules("PROJECT: Falcon\n  Contoso Ltd  \n\nlower: case stays a term", "term");
    expect(rules).toEqual([
      { kind: "term", label: "PROJECT", value: "Falcon" },
      { kind: "term", value: "Contoso Ltd" },
      { kind: "term", value: "lower: case stays a term" },
    ]);
    expect(rulesToText([...rules, { kind: "pattern", value: "CUST-\\d{6}" }], "term")).toBe("PROJECT: Falcon\nContoso Ltd\nlower: case stays a term");
    expect(textToRules("CUSTOMER_ID: CUST-\\d{6}", "pattern")).toEqual([{ kind: "pattern", label: "CUSTOMER_ID", value: "CUST-\\d{6}" }]);
  });
});
