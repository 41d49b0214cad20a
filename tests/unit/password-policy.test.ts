import { describe, expect, it } from "vitest";
import { COMMON_PASSWORD_MESSAGE, PERSONAL_PASSWORD_MESSAGE, passwordPolicyProblem } from "@/lib/auth/password-policy";

// Issue 16 item 2: common and breached passwords, and the person's own names, are refused (ASVS 6.2.4, 6.2.11).

const sam = { email: "sam.taylor@example.com", name: "Sam Taylor" };

describe("passwordPolicyProblem", () => {
  it("refuses passwords from the shipped breach list, also decorated or repeated", () => {
    for (const password of ["password1234", "Password1234", "qwertyuiop123", "!dragon2024!", "qwertyqwerty", "iloveyou2026", "1234567890123"]) {
      expect(passwordPolicyProblem(password, sam), password).toBe(COMMON_PASSWORD_MESSAGE);
    }
  });

  it("refuses the email's name part and the person's name", () => {
    for (const password of ["sam.taylor-2026!", "xx-TAYLOR-horse-9", "my name is sam ok", "sam.taylor@example"]) {
      expect(passwordPolicyProblem(password, sam), password).toBe(PERSONAL_PASSWORD_MESSAGE);
    }
  });

  it("accepts a long password that is none of these", () => {
    expect(passwordPolicyProblem("correct horse battery staple", sam)).toBeNull();
    expect(passwordPolicyProblem("Vq7#pLm2!zRt9", sam)).toBeNull();
    // Short name parts are not refused inside ordinary words.
    expect(passwordPolicyProblem("albatross wings 42", { email: "al@example.com", name: "Al" })).toBeNull();
  });
});
