// Scores the privacy detectors against the fixture corpus (tests/fixtures/privacy): precision and recall per type,
// and the share of ordinary business sentences that trigger anything. Used by `npm run bench:privacy` and by the
// unit test that holds the goals.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { detectFindings } from "@/lib/privacy/detect";
import { type Finding, type FindingType, findingTypes } from "@/lib/privacy/types";

export const corpusDir = path.resolve(import.meta.dirname, "../tests/fixtures/privacy");

type Span = { start: number; end: number };
type MarkedText = { text: string; expected: Span[] };
type TypeCorpus = { type: FindingType; positives: MarkedText[]; negatives: string[] };
export type Corpus = { byType: TypeCorpus[]; ordinary: string[] };

export type TypeScore = { type: FindingType; expected: number; found: number; falsePositives: number; precision: number; recall: number };
export type Miss = { type: FindingType; text: string; detail: string };
export type CorpusScore = {
  byType: TypeScore[];
  ordinary: { sentences: number; triggered: number; rate: number };
  misses: Miss[];
  falseAlarms: Miss[];
};

/** "Pay to ⟦DE89 …⟧ now": the text without the marks and where the marked values are. */
export function parseMarked(marked: string): MarkedText {
  const expected: Span[] = [];
  let text = "";
  for (const [index, part] of marked.split(/[⟦⟧]/).entries()) {
    if (index % 2 === 1) expected.push({ start: text.length, end: text.length + part.length });
    text += part;
  }
  return { text, expected };
}

export function loadCorpus(dir = corpusDir): Corpus {
  const byType: TypeCorpus[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const type = path.basename(file, ".json") as FindingType;
    if (!findingTypes.includes(type)) throw new Error(`${file}: not a finding type`);
    const data = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { positives: string[]; negatives: string[] };
    byType.push({ type, positives: data.positives.map(parseMarked), negatives: data.negatives });
  }
  const ordinary = readFileSync(path.join(dir, "ordinary-business.txt"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"));
  return { byType, ordinary };
}

export function scoreCorpus(corpus: Corpus, detect: (text: string) => Finding[] = (text) => detectFindings(text)): CorpusScore {
  const counts = new Map(findingTypes.map((type) => [type, { expected: 0, found: 0, falsePositives: 0 }]));
  const misses: Miss[] = [];
  const falseAlarms: Miss[] = [];
  const countFalse = (finding: Finding, text: string) => {
    (counts.get(finding.type) as { falsePositives: number }).falsePositives++;
    falseAlarms.push({ type: finding.type, text, detail: text.slice(finding.start, finding.end) });
  };
  for (const { type, positives, negatives } of corpus.byType) {
    const own = counts.get(type) as { expected: number; found: number };
    for (const { text, expected } of positives) {
      const findings = detect(text);
      own.expected += expected.length;
      for (const span of expected) {
        const hit = findings.some((f) => f.type === type && f.start === span.start && f.end === span.end);
        if (hit) own.found++;
        else misses.push({ type, text, detail: text.slice(span.start, span.end) });
      }
      for (const finding of findings) {
        const isExpected = finding.type === type && expected.some((s) => s.start === finding.start && s.end === finding.end);
        if (!isExpected) countFalse(finding, text);
      }
    }
    for (const text of negatives) for (const finding of detect(text)) countFalse(finding, text);
  }
  let triggered = 0;
  for (const text of corpus.ordinary) {
    const findings = detect(text);
    if (findings.length > 0) triggered++;
    for (const finding of findings) countFalse(finding, text);
  }
  const byType = corpus.byType.map(({ type }) => {
    const { expected, found, falsePositives } = counts.get(type) as { expected: number; found: number; falsePositives: number };
    return { type, expected, found, falsePositives, precision: found / Math.max(1, found + falsePositives), recall: found / Math.max(1, expected) };
  });
  return {
    byType,
    ordinary: { sentences: corpus.ordinary.length, triggered, rate: triggered / Math.max(1, corpus.ordinary.length) },
    misses,
    falseAlarms,
  };
}
