import commonPasswords from "./common-passwords.json";

// What a new password must not be (ASVS 6.2.4 and 6.2.11): one of the common passwords from breach lists shipped with
// the app (lib/auth/common-passwords.json, scripts/auth/write-common-passwords.ts), such a password with a few digits
// or symbols around it or repeated ("password1234", "!dragon2024!", "qwertyqwerty"), or the person's own email name or
// name. Length rules stay in lib/ui/sign-up-state.ts.

const common = new Set<string>(commonPasswords);
// A common word with at most this many characters around it still counts as that word.
const MAX_DECORATION = 6;
// Name parts shorter than this ("Al", "Li") are too common inside ordinary words to refuse.
const MIN_PERSONAL_PART = 3;

export const COMMON_PASSWORD_MESSAGE = "This password is too common: it appears in lists of leaked passwords. Choose another.";
export const PERSONAL_PASSWORD_MESSAGE = "Your password must not contain your name or the name part of your email address.";

function isCommon(password: string): boolean {
  const lower = password.normalize("NFKC").toLowerCase();
  // The password itself, or with up to MAX_DECORATION characters cut from its ends ("password1234", "!dragon2024!").
  for (let before = 0; before <= MAX_DECORATION; before++) {
    for (let after = 0; before + after <= MAX_DECORATION; after++) {
      if (common.has(lower.slice(before, lower.length - after))) return true;
    }
  }
  // "qwertyqwerty", "dragondragon": one common word typed twice or more.
  const repeated = /^(.+?)\1+$/u.exec(lower);
  return repeated?.[1] !== undefined && common.has(repeated[1]);
}

function personalParts({ email, name }: { email: string; name: string | null }): string[] {
  const local = email.trim().toLowerCase().split("@")[0] ?? "";
  const parts = [local, ...local.split(/[._+-]+/), ...(name ?? "").toLowerCase().split(/[\s.,'-]+/)];
  return [...new Set(parts.map((part) => part.normalize("NFKC")).filter((part) => part.length >= MIN_PERSONAL_PART))];
}

/** Why `password` may not be used by this person, or null when it may. */
export function passwordPolicyProblem(password: string, person: { email: string; name: string | null }): string | null {
  if (isCommon(password)) return COMMON_PASSWORD_MESSAGE;
  const lower = password.normalize("NFKC").toLowerCase();
  if (personalParts(person).some((part) => lower.includes(part))) return PERSONAL_PASSWORD_MESSAGE;
  return null;
}
