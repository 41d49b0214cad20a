// Writes lib/auth/common-passwords.json: the common passwords the sign-up checks against (ASVS 6.2.4), from the
// password list that @zxcvbn-ts/language-common ships (MIT; frequency-ranked from public breach corpora).
// Only entries of 6 characters or more are kept: with a 12-character minimum, a shorter word can only matter as the
// core of a longer password, and lib/auth/password-policy.ts looks for cores of 6 or more.
// Run: npx tsx scripts/auth/write-common-passwords.ts
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { dictionary } = require("@zxcvbn-ts/language-common") as { dictionary: Record<string, unknown> };
const passwords = dictionary["passwords-common"];
if (!Array.isArray(passwords)) throw new Error("@zxcvbn-ts/language-common has no passwords-common list");

const MIN_LENGTH = 6;
const words = [...new Set(passwords.map((word) => String(word).toLowerCase()).filter((word) => word.length >= MIN_LENGTH))];
const file = path.resolve("lib/auth/common-passwords.json");
writeFileSync(file, `${JSON.stringify(words)}\n`);
console.log(`wrote ${words.length} passwords to ${file}`);
