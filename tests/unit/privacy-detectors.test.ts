import { describe, expect, it } from "vitest";
import { isValidCodiceFiscale, isValidSpanishId, passesBsnElevenTest, passesLuhn } from "@/lib/privacy/checksums";
import { detectFindings } from "@/lib/privacy/detect";
import { compileCustomRules } from "@/lib/privacy/detectors/custom-rules";
import type { FindingType } from "@/lib/privacy/types";

/** The findings as [type, matched text], the easiest shape to read in a failure. */
function found(text: string): [FindingType, string][] {
  return detectFindings(text).map((f) => [f.type, text.slice(f.start, f.end)]);
}

function expectNothing(texts: readonly string[]): void {
  for (const text of texts) expect(found(text), text).toEqual([]);
}

describe("checksums", () => {
  it("Luhn, DNI/NIE letters, the BSN 11-test and the codice fiscale check letter", () => {
    expect(passesLuhn("4111111111111111")).toBe(true);
    expect(passesLuhn("4111111111111112")).toBe(false);
    expect(isValidSpanishId("12345678Z")).toBe(true);
    expect(isValidSpanishId("12345678A")).toBe(false);
    expect(isValidSpanishId("X1234567L")).toBe(true);
    expect(isValidSpanishId("X12345678L")).toBe(false);
    expect(passesBsnElevenTest("111222333")).toBe(true);
    expect(passesBsnElevenTest("111222334")).toBe(false);
    expect(passesBsnElevenTest("000000000")).toBe(false);
    expect(isValidCodiceFiscale("RSSMRA85T10A562S")).toBe(true);
    expect(isValidCodiceFiscale("RSSMRA85T10A562T")).toBe(false);
  });
});

describe("detectFindings", () => {
  it("finds e-mail addresses, also with non-Latin letters, without the sentence's full stop", () => {
    expect(found("Write to anna.schmidt+hr@example.co.uk.")).toEqual([["email", "anna.schmidt+hr@example.co.uk"]]);
    expect(found("Kontakt: jürgen.müller@bücher.de")).toEqual([["email", "jürgen.müller@bücher.de"]]);
    expectNothing(["@channel please review", "npm i react@19.3.1", "user@localhost", "a..b@example.com is not valid"]);
  });

  it("finds IBANs with a valid mod-97 checksum, printed or compact, and not with a wrong one", () => {
    expect(found("IBAN: DE89 3704 0044 0532 0130 00, thanks")).toEqual([["iban", "DE89 3704 0044 0532 0130 00"]]);
    expect(found("GB29NWBK60161331926819")).toEqual([["iban", "GB29NWBK60161331926819"]]);
    expect(found("fr14 2004 1010 0505 0001 3m02 606")).toEqual([["iban", "fr14 2004 1010 0505 0001 3m02 606"]]);
    // One digit changed: no IBAN, and the digits are not taken for a phone number or a card either.
    expect(found("IBAN DE89 3704 0044 0532 0130 01")).toEqual([]);
    // Part of a longer token.
    expect(found("GB29NWBK60161331926819X")).toEqual([]);
  });

  it("finds payment cards that pass Luhn with a known issuer prefix", () => {
    expect(found("Card 4111 1111 1111 1111 exp 12/27")).toEqual([["payment_card", "4111 1111 1111 1111"]]);
    expect(found("amex 3782-822463-10005")).toEqual([["payment_card", "3782-822463-10005"]]);
    expect(found("5555555555554444")).toEqual([["payment_card", "5555555555554444"]]);
    expectNothing(["Card 4111 1111 1111 1112", "tracking 1234567890123456", "total 4,111,111,111,111,111.00"]);
  });

  it("finds IPv4 and IPv6 addresses but not versions, times, MAC addresses or C++ scopes", () => {
    expect(found("host 10.0.3.7 and fe80::1ff:fe23:4567:890a")).toEqual([
      ["ip_address", "10.0.3.7"],
      ["ip_address", "fe80::1ff:fe23:4567:890a"],
    ]);
    expectNothing(["version 1.2.3.4 is out", "256.1.1.1", "at 12:30:45", "MAC 00:1A:2B:3C:4D:5E", "std::vector<int> and a::b", "netmask 255.255.255.0"]);
  });

  it("finds phone numbers in international and national formats", () => {
    for (const phone of [
      "+49 89 1234567",
      "+44 (0)20 7946 0958",
      "0044 20 7946 0958",
      "(415) 555-0132",
      "415-555-0132",
      "030 12345678",
      "06-12345678",
      "01 23 45 67 89",
      "+1-202-555-0143",
      "089/1234567",
    ]) {
      expect(found(`Tel. ${phone}.`), phone).toEqual([["phone", phone]]);
      expect(found(`reach me at ${phone}`), phone).toEqual([["phone", phone]]);
    }
    // Spanish mobile numbers have no trunk 0: only with a word saying so.
    expect(found("móvil 612 345 678")).toEqual([["phone", "612 345 678"]]);
    expectNothing([
      "the meeting on 01.02.2024 10:30",
      "invoice 2024-0012 from 2019-2024",
      "ISO 9001:2015",
      "1.234.567,89 EUR",
      "order 612 345 678",
      "room 0.12",
      "€ 0123 4567",
      "call between 9:00 and 17:30",
    ]);
  });

  it("finds US SSNs outside the never-issued ranges", () => {
    expect(found("SSN 123-45-6788")).toEqual([["us_ssn", "123-45-6788"]]);
    expect(found("social security number 123456788")).toEqual([["us_ssn", "123456788"]]);
    expectNothing(["SSN 000-12-3456", "SSN 666-12-3456", "SSN 912-34-5678", "SSN 123-00-4567", "SSN 123-45-0000", "078-05-1120"]);
  });

  it("finds UK National Insurance numbers with valid prefixes", () => {
    expect(found("NI number AB 12 34 56 C")).toEqual([["uk_nino", "AB 12 34 56 C"]]);
    expect(found("ref JG103759A")).toEqual([["uk_nino", "JG103759A"]]);
    expectNothing(["QQ123456C", "GB123456A", "DA123456A", "part AB123456"]);
  });

  it("finds Spanish DNI/NIE, Italian codice fiscale and (with a keyword) Dutch BSN by their check digits", () => {
    expect(found("DNI 12345678-Z")).toEqual([["national_id", "12345678-Z"]]);
    expect(found("NIE X-1234567-L")).toEqual([["national_id", "X-1234567-L"]]);
    expect(found("CF: rssmra85t10a562s")).toEqual([["national_id", "rssmra85t10a562s"]]);
    expect(found("BSN: 111222333")).toEqual([["national_id", "111222333"]]);
    expectNothing(["DNI 12345678A", "RSSMRA85T10A562T", "order 111222333", "pagó 12345678 a Juan"]);
  });

  it("finds secrets by known prefixes, private-key blocks and assignments", () => {
    const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nabc+/=\n-----END RSA PRIVATE KEY-----";
    expect(found(`here:\n${key}\nthanks`)).toEqual([["secret", key]]);
    // A truncated paste without the END line still ends where the base64 ends.
    expect(found("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n\nCan you check?")).toEqual([
      ["secret", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"],
    ]);
    for (const secret of [
      "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t",
      "AKIAIOSFODNN7EXAMPLE",
      "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
      "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
      "glpat-xY3kP9qLm2XvB7nR4tYw",
    ]) {
      expect(found(`use ${secret} for the job`), secret).toEqual([["secret", secret]]);
    }
    expect(found("db_password = 'Summer2024!'")).toEqual([["secret", "Summer2024!"]]);
    expect(found("postgres://app:s3cr3tPw@db.internal/app")).toEqual([["secret", "s3cr3tPw"]]);
    expectNothing(["password: required.", "token: expired.", "sk-learn is a library", "Password reset every 90 days"]);
  });

  it("finds long random tokens by entropy, not identifiers, UUIDs, hashes or paths", () => {
    expect(found("the value aZ3kP9qLm2XvB7nR4tYw8Ue1 works")).toEqual([["secret", "aZ3kP9qLm2XvB7nR4tYw8Ue1"]]);
    expect(found("api key 9fceb02d0ae598e95dc970b74767f193")).toEqual([["secret", "9fceb02d0ae598e95dc970b74767f193"]]);
    expectNothing([
      "commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
      "id 123e4567-e89b-12d3-a456-426614174000",
      "see docs/2024/q3-report-final-version2",
      "ThisIsAVeryLongCamelCaseIdentifier2",
      "AbstractSingletonProxyFactoryBean2024",
    ]);
  });

  it("keeps the checksum-backed reading where detectors overlap", () => {
    const findings = detectFindings("DE89 3704 0044 0532 0130 00");
    expect(findings.map((f) => f.type)).toEqual(["iban"]);
  });

  it("reports offsets in UTF-16 code units, as String.slice uses", () => {
    const text = "😀 👍 mail bob@example.com";
    const [finding] = detectFindings(text);
    expect(text.slice(finding?.start, finding?.end)).toBe("bob@example.com");
  });
});

describe("custom rules", () => {
  it("finds terms as whole words in any case, and patterns", () => {
    const { compiled, errors } = compileCustomRules([
      { kind: "term", value: "Project Falcon", label: "project" },
      { kind: "term", value: "Falcon" },
      { kind: "pattern", value: "CUST-\\d{6}", label: "customer id" },
    ]);
    expect(errors).toEqual([]);
    const text = "PROJECT FALCON and Falcon, not falconry; CUST-123456";
    const findings = detectFindings(text, { customRules: compiled });
    expect(findings.map((f) => [f.detail, text.slice(f.start, f.end)])).toEqual([
      ["PROJECT", "PROJECT FALCON"],
      ["TERM", "Falcon"],
      ["CUSTOMER_ID", "CUST-123456"],
    ]);
  });

  it("refuses patterns RE2 cannot run in linear time, empty matches and oversize input", () => {
    const { errors } = compileCustomRules([
      { kind: "pattern", value: "(a+)+\\1" },
      { kind: "pattern", value: "(?=x)y" },
      { kind: "pattern", value: "a*" },
      { kind: "pattern", value: "x".repeat(201) },
      { kind: "term", value: "a" },
    ]);
    expect(errors.map((e) => e.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it("runs a catastrophic-for-backtracking pattern over long input in one linear pass", () => {
    const { compiled, errors } = compileCustomRules([{ kind: "pattern", value: "(a|aa)+b" }]);
    expect(errors).toEqual([]);
    // A backtracking engine would not finish this; RE2 answers (no match) after one pass.
    expect(detectFindings("a".repeat(50_000), { customRules: compiled })).toEqual([]);
  });
});
