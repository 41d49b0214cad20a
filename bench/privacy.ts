// `npm run bench:privacy`: precision and recall of the privacy detectors per type on the fixture corpus, the
// false-positive rate on ordinary business sentences, and how long detection takes on large and hostile input.
// Prints; asserts nothing (tests/unit/privacy-corpus.test.ts holds the goals).
import { detectFindings } from "@/lib/privacy/detect";
import { loadCorpus, scoreCorpus } from "./privacy-score";

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

function timeDetection(label: string, text: string): void {
  detectFindings(text.slice(0, 1000));
  const started = performance.now();
  const findings = detectFindings(text);
  const ms = performance.now() - started;
  console.log(`  ${label.padEnd(44)} ${(text.length / 1000).toFixed(0).padStart(4)} kB  ${ms.toFixed(0).padStart(5)} ms  ${findings.length} findings`);
}

const corpus = loadCorpus();
const score = scoreCorpus(corpus);

console.log("\nPrivacy detectors on tests/fixtures/privacy\n");
console.log("| type | expected | found | false positives | precision | recall |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const row of score.byType) {
  console.log(`| ${row.type} | ${row.expected} | ${row.found} | ${row.falsePositives} | ${percent(row.precision)} | ${percent(row.recall)} |`);
}
const { sentences, triggered, rate } = score.ordinary;
console.log(`\nOrdinary business sentences: ${triggered} of ${sentences} trigger a finding (${percent(rate)}).`);
if (process.argv.includes("--verbose")) {
  for (const miss of score.misses) console.log(`  missed ${miss.type}: ${JSON.stringify(miss.detail)} in ${JSON.stringify(miss.text)}`);
  for (const alarm of score.falseAlarms) console.log(`  false ${alarm.type}: ${JSON.stringify(alarm.detail)} in ${JSON.stringify(alarm.text)}`);
} else if (score.misses.length + score.falseAlarms.length > 0) {
  console.log("(--verbose lists every miss and false alarm)");
}

console.log("\nDetection time:");
const business = corpus.ordinary.join(" ");
timeDetection("ordinary business text", business.repeat(Math.ceil(100_000 / business.length)).slice(0, 100_000));
timeDetection("mixed corpus (all positives)", corpus.byType.flatMap((t) => t.positives.map((p) => p.text)).join("\n"));
timeDetection("hostile: 100k letters, no separators", "a".repeat(100_000));
timeDetection("hostile: '1 ' repeated", "1 ".repeat(50_000));
timeDetection("hostile: 'a@' repeated", "a@".repeat(50_000));
timeDetection("hostile: digits and dots", "1.2.".repeat(25_000));
timeDetection("hostile: '-----BEGIN PRIVATE KEY-----' x2000", "-----BEGIN PRIVATE KEY-----\n".repeat(2_000));
