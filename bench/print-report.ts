import type { BenchReport } from "./report";

const ms = (value: number) => value.toFixed(2).padStart(9);
const row = (label: string, values: string[]) => console.log(`    ${label.padEnd(32)}${values.join("")}`);

/** The report as tables for the terminal. */
export function printReport(report: BenchReport): void {
  const { streaming, openConversation, markdownBundle } = report;
  const { blocks, wholeTextBaseline: whole } = streaming;
  console.log(`\nChromium ${report.browser}\n`);
  console.log(`(a) Streaming a ${streaming.tokens}-token answer (${streaming.chars} chars, ${streaming.codeBlocks} code blocks)`);
  console.log("    ms per token: React render + commit + style/layout\n");
  row(
    "",
    ["mean", "p50", "p95", "max", "long tasks"].map((name) => name.padStart(name === "long tasks" ? 12 : 9)),
  );
  row("MessageMarkdown (blocks)", [ms(blocks.mean), ms(blocks.p50), ms(blocks.p95), ms(blocks.max), String(blocks.longTasks).padStart(12)]);
  row(`whole text each time (1/${whole.sampledEvery})`, [ms(whole.mean), ms(whole.p50), ms(whole.p95), ms(whole.max), String(whole.longTasks).padStart(12)]);

  console.log(`\n(b) Opening a conversation of ${openConversation.messages} messages, fresh page each run: ms\n`);
  row(
    "",
    ["commit", "layout", "to paint"].map((name) => name.padStart(9)),
  );
  for (const [index, run] of openConversation.runs.entries()) row(`run ${index + 1}`, [ms(run.commitMs), ms(run.layoutMs), ms(run.firstPaintMs)]);
  row("median", [ms(openConversation.medianCommitMs), "".padStart(9), ms(openConversation.medianFirstPaintMs)]);

  const list = report.openMessageList;
  console.log(`\n(b2) The same conversation in the chat's MessageList (articles rendered: ${list.runs[0]?.articles ?? 0}): ms\n`);
  row(
    "",
    ["commit", "layout", "to paint"].map((name) => name.padStart(9)),
  );
  for (const [index, run] of list.runs.entries()) row(`run ${index + 1}`, [ms(run.commitMs), ms(run.layoutMs), ms(run.firstPaintMs)]);
  row("median", [ms(list.medianCommitMs), "".padStart(9), ms(list.medianFirstPaintMs)]);

  const { withPage, withFirstFormula } = markdownBundle;
  console.log("\n(c) Markdown JavaScript (React excluded), minified / gzip\n");
  row("loaded with the page", [`${withPage.minifiedKb} kB / ${withPage.gzipKb} kB`.padStart(22)]);
  row("loaded with the first formula", [`${withFirstFormula.minifiedKb} kB / ${withFirstFormula.gzipKb} kB`.padStart(22)]);
  console.log(`\nWritten to test-results/bench.json (${report.durationSeconds} s)\n`);
}
