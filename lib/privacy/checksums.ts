// Check digits of the number formats the detectors accept. A format match alone is weak evidence; a valid check
// digit is what lets a detector report high confidence.

/** Luhn (mod 10), used by payment cards. `digits` holds only 0-9. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

/** Spanish DNI (8 digits, or 7 without the leading zero, + letter) and NIE (X/Y/Z + 7 digits + letter): the letter is the number mod 23. */
export function isValidSpanishId(compact: string): boolean {
  const match = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(compact);
  if (!match) return false;
  const [, prefix = "", digits = "", letter] = match;
  if (prefix !== "" && digits.length !== 7) return false;
  const number = Number(`${prefix === "" ? "" : "XYZ".indexOf(prefix)}${digits}`);
  return dniLetters[number % 23] === letter;
}

/** Dutch BSN: the "11-test" (9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11). */
export function passesBsnElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

// Italian codice fiscale: characters in odd positions (1st, 3rd, …) map through this table, even ones to their value.
const cfOddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function cfValue(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65;
}

export function isValidCodiceFiscale(code: string): boolean {
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const value = cfValue(code[i] as string);
    sum += i % 2 === 0 ? (cfOddValues[value] as number) : value;
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

/** US SSN: never issued with area 000, 666 or 900-999, group 00 or serial 0000; two famous sample numbers. */
export function isIssuableSsn(area: string, group: string, serial: string): boolean {
  const areaNumber = Number(area);
  if (areaNumber === 0 || areaNumber === 666 || areaNumber >= 900) return false;
  if (group === "00" || serial === "0000") return false;
  const whole = `${area}${group}${serial}`;
  return whole !== "078051120" && whole !== "219099999" && whole !== "123456789";
}

/** UK National Insurance number prefix: letters D, F, I, Q, U, V never; O not second; some pairs never issued. */
export function isValidNinoPrefix(prefix: string): boolean {
  const [first = "", second = ""] = prefix;
  if ("DFIQUV".includes(first) || "DFIQUVO".includes(second)) return false;
  return !["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].includes(prefix);
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
