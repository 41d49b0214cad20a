// Which Chromium the end-to-end tests drive, shared by playwright.config.ts and run.mjs.
import { existsSync } from "node:fs";

/** Debian's Chromium when installed (browser downloads may be blocked), else Playwright's own. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

// Without the background-networking flags Chromium keeps calling home, which a closed network refuses loudly.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export function chromiumLaunchOptions() {
  const executablePath = process.env.E2E_CHROMIUM_PATH || (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
  return { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS };
}
