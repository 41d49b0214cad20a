import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getPrivacy, PUT as putPrivacy } from "@/app/(admin)/api/admin/privacy/route";
import { POST as tryText } from "@/app/(admin)/api/admin/privacy/try/route";
import { recordAuditEvent } from "@/lib/db/audit";
import { getDb } from "@/lib/db/client";
import { privacyWeeklyCounts } from "@/lib/db/privacy-overview";
import { listModelPrivacy } from "@/lib/models/model-privacy";
import { saveModel } from "@/lib/models/save-model";
import { jsonRequest } from "../support/admin-routes";
import { testProvider, useTestDatabase } from "../support/database";
import { actAs, newUser } from "../support/signed-in-user";

// The admin's privacy page behind its routes: the settings (boundary policies, terms and patterns), the try box,
// and the weekly counts read from the audit log.

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));

const database = useTestDatabase();
beforeEach(() => database.reset());

const put = (body: unknown) => putPrivacy(jsonRequest("/api/admin/privacy", "PUT", body), undefined);
const tryIt = (text: string) => tryText(jsonRequest("/api/admin/privacy/try", "POST", { text }), undefined);

describe(`admin privacy routes on ${testProvider()}`, () => {
  it("answers 401 without a session and 403 to a non-admin", async () => {
    const plain = await newUser("plain@example.com");
    for (const [actor, status] of [
      [null, 401],
      [plain, 403],
    ] as const) {
      actAs(actor);
      expect((await getPrivacy(jsonRequest("/api/admin/privacy", "GET"), undefined)).status).toBe(status);
      expect((await put({ boundaryPolicies: {}, customRules: [] })).status).toBe(status);
      expect((await tryIt("a@b.co")).status).toBe(status);
    }
  });

  it("saves boundary policies and rules, refuses a pattern RE2 cannot run, and audits counts, not the terms", async () => {
    const admin = await newUser("admin@example.com", "admin");
    actAs(admin);
    const refused = await put({ boundaryPolicies: {}, customRules: [{ kind: "pattern", value: "(a)\\1" }] });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Rule 1: /);

    const settings = {
      boundaryPolicies: { external: { byCategory: { personal: "block" } } },
      customRules: [
        { kind: "term", value: "Falcon", label: "PROJECT" },
        { kind: "pattern", value: "CUST-\\d{6}" },
      ],
    };
    const saved = await put(settings);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual(settings);
    const entry = await getDb().auditLogEntry.findFirstOrThrow({ where: { action: "settings.changed", target: "privacy" } });
    expect(entry.details).toEqual({ setting: "privacy", boundaries: ["external"], terms: 1, patterns: 1 });

    const tried = await tryIt("Project Falcon: mail ann@example.com about CUST-123456.");
    const { findings } = (await tried.json()) as { findings: { type: string; detail?: string; start: number; text: string; actions: unknown }[] };
    expect(findings.map(({ type, detail, text }) => ({ type, detail, text }))).toEqual([
      { type: "custom", detail: "PROJECT", text: "Falcon" },
      { type: "email", detail: undefined, text: "ann@example.com" },
      { type: "custom", detail: "TERM", text: "CUST-123456" },
    ]);
    expect(findings[1]?.actions).toEqual({ internal: "allow", external: "block" });
    expect(findings[0]?.start).toBe(8);
  });

  it("lists each model's boundary, and counts findings and blocks per week from the audit log", async () => {
    await saveModel({
      id: "azure",
      name: "GPT-4o",
      config: { provider: "azure-openai", endpoint: "https://x.openai.azure.com", deployment: "d", apiKey: "k" },
    });
    await saveModel({
      id: "llama",
      name: "Llama",
      config: { provider: "ollama", endpoint: "http://127.0.0.1:11434", model: "m", boundary: "external", privacy: { byType: { iban: "block" } } },
    });
    expect(await listModelPrivacy()).toEqual([
      expect.objectContaining({ id: "azure", boundary: null, override: null }),
      expect.objectContaining({ id: "llama", boundary: "external", override: { byType: { iban: "block" } } }),
    ]);

    await recordAuditEvent({ action: "privacy.blocked", target: "azure", details: { surface: "chat", boundary: "external", email: 2, iban: 1 } });
    await recordAuditEvent({ action: "privacy.redacted", target: "azure", details: { surface: "api", boundary: "external", secret: 1 } });
    await recordAuditEvent({ action: "privacy.confirmed", target: "azure", details: { surface: "chat", boundary: "external", email: 1 } });
    const [thisWeek, ...earlier] = await privacyWeeklyCounts(4);
    expect(thisWeek).toMatchObject({ findings: { email: 3, iban: 1, secret: 1 }, blocked: { email: 2, iban: 1 }, blockedRequests: 1 });
    expect(earlier).toHaveLength(3);
    expect(earlier.every((week) => week.blockedRequests === 0)).toBe(true);
  });
});
