// `npm run bench`: how fast answers render as Markdown, in Chromium. Prints numbers and writes
// test-results/bench.json; asserts nothing (timings depend on the machine).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../tests/e2e/support/browser.mjs";
import { bundleHarness, markdownBundleSize } from "./bundle";
import { printReport } from "./print-report";
import type { Bench, BenchReport, OpenResult } from "./report";
import { conversation, longAnswer, tokenize } from "./sample-markdown";
import { median, summarize } from "./stats";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "test-results");
const ANSWER_TOKENS = 2_000;
const CONVERSATION_MESSAGES = 500;
const RUNS = 3;
// The whole-text baseline gets slow as the text grows: timing every 5th token is plenty to compare.
const BASELINE_EVERY = 5;

async function newHarnessPage(browser: Browser, harnessUrl: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(harnessUrl);
  await page.waitForFunction(() => "bench" in window);
  return page;
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(path.join(outDir, "bench"), { recursive: true });
  const harness = await bundleHarness();
  writeFileSync(path.join(outDir, "bench", "harness.js"), harness);
  const katexCss = pathToFileURL(path.join(root, "node_modules/katex/dist/katex.min.css")).href;
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${katexCss}"></head><body><script src="harness.js"></script></body></html>`;
  writeFileSync(path.join(outDir, "bench", "index.html"), html);
  const harnessUrl = pathToFileURL(path.join(outDir, "bench", "index.html")).href;

  const tokens = tokenize(longAnswer(ANSWER_TOKENS));
  const messages = conversation(CONVERSATION_MESSAGES);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await newHarnessPage(browser, harnessUrl);
    // Warm-up: the first renders pay for JIT compilation and KaTeX/highlight.js set-up.
    await page.evaluate((warmUp) => (window as unknown as { bench: Bench }).bench.stream(warmUp, "blocks"), tokens.slice(0, 300));
    const blocks = await page.evaluate((all) => (window as unknown as { bench: Bench }).bench.stream(all, "blocks"), tokens);
    const whole = await page.evaluate(([all, every]) => (window as unknown as { bench: Bench }).bench.stream(all, "whole", every), [
      tokens,
      BASELINE_EVERY,
    ] as const);
    await page.close();

    const opens: OpenResult[] = [];
    const listOpens: OpenResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh page each time, as opening a conversation is (the first run also pays for a cold JIT).
      const fresh = await newHarnessPage(browser, harnessUrl);
      opens.push(await fresh.evaluate((all) => (window as unknown as { bench: Bench }).bench.openConversation(all), messages));
      await fresh.close();
      const freshList = await newHarnessPage(browser, harnessUrl);
      listOpens.push(await freshList.evaluate((all) => (window as unknown as { bench: Bench }).bench.openMessageList(all), messages));
      await freshList.close();
    }

    const size = await markdownBundleSize();
    const report: BenchReport = {
      date: new Date().toISOString(),
      browser: browser.version(),
      streaming: {
        tokens: tokens.length,
        chars: blocks.chars,
        codeBlocks: blocks.codeBlocks,
        blocks: { ...summarize(blocks.perToken), longTasks: blocks.longTasks, slowest: slowest(blocks.perToken, tokens) },
        wholeTextBaseline: { ...summarize(whole.perToken), longTasks: whole.longTasks, sampledEvery: BASELINE_EVERY },
      },
      openConversation: {
        messages: CONVERSATION_MESSAGES,
        runs: opens,
        medianFirstPaintMs: median(opens.map((run) => run.firstPaintMs)),
        medianCommitMs: median(opens.map((run) => run.commitMs)),
      },
      openMessageList: {
        messages: CONVERSATION_MESSAGES,
        runs: listOpens,
        medianFirstPaintMs: median(listOpens.map((run) => run.firstPaintMs)),
        medianCommitMs: median(listOpens.map((run) => run.commitMs)),
      },
      markdownBundle: size,
      durationSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
    writeFileSync(path.join(outDir, "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
    printReport(report);
  } finally {
    await browser.close();
  }
}

/** The slowest updates and the text just streamed in, to see what costs. */
function slowest(perToken: number[], tokens: string[]) {
  return perToken
    .map((ms, index) => ({ index, ms: Math.round(ms * 10) / 10, tail: tokens.slice(Math.max(0, index - 3), index + 1).join("") }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
