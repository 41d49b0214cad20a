import { beforeEach, describe, expect, it, vi } from "vitest";
import { signUp } from "@/app/(auth)/actions";
import { COMMON_PASSWORD_MESSAGE, PERSONAL_PASSWORD_MESSAGE } from "@/lib/auth/password-policy";
import { getDb } from "@/lib/db/client";
import { initialSignUpState } from "@/lib/ui/sign-up-state";
import { testProvider, useTestDatabase } from "../support/database";

// Issue 16 item 2, at the sign-up form's server action: the password policy answers on the password field, and an
// email that already has an account gets exactly the answer a new one gets.

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "203.0.113.77" }) }));

const database = useTestDatabase();
beforeEach(() => database.reset());

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe(`sign-up action on ${testProvider()}`, () => {
  it("refuses a common password and one with the person's name, on the password field", async () => {
    const common = await signUp(initialSignUpState, form({ name: "Pat Doe", email: "pat@example.com", password: "password1234" }));
    expect(common).toMatchObject({ status: "invalid_data", fieldErrors: { password: COMMON_PASSWORD_MESSAGE } });
    const personal = await signUp(initialSignUpState, form({ name: "Pat Doe", email: "pat.doe@example.com", password: "xx-doe-was-here-42" }));
    expect(personal).toMatchObject({ status: "invalid_data", fieldErrors: { password: PERSONAL_PASSWORD_MESSAGE } });
    expect(await getDb().user.count()).toBe(0);
  });

  it("answers a taken email exactly like a new one, creates nothing, and records the refusal", async () => {
    const first = await signUp(initialSignUpState, form({ name: "Quinn", email: "quinn@example.com", password: "violet kettle orbit 7" }));
    const again = await signUp(initialSignUpState, form({ name: "Someone", email: "QUINN@example.com", password: "another long secret 9" }));
    expect(first).toEqual({ status: "success" });
    expect(again).toEqual(first);
    expect(await getDb().user.count()).toBe(1);
    expect(await getDb().auditLogEntry.findFirst({ where: { action: "auth.sign_up_refused" } })).toMatchObject({
      ipAddress: "203.0.113.77",
      details: { reason: "EmailTaken", email: "quinn@example.com" },
    });
  });
});
