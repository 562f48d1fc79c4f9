import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// End-to-end tests in Debian's Chromium against the production build, started by
// test/e2e/global-setup.ts with its own empty embedded database.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

// Debian's chromium-headless-shell (the old headless mode, what Playwright itself runs headless)
// when installed: a new browser context costs about a third of what it does in full Chromium's
// headless mode, which opens a whole browser window for each (docs/decisions/0016-e2e-browser.md).
// Otherwise Debian's Chromium. Both come from apt; nothing is downloaded.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: "test-results/playwright",
  globalSetup: "./test/e2e/global-setup.ts",
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // @no-js: the test runs with JavaScript and without it. @js-off-only: without it only, where a
    // run with JavaScript would repeat the same journey (public pages ship no script but the chat
    // launcher, which chat.spec.ts covers): axe still scans its pages (test/e2e/fixtures.ts).
    { name: "js-on", use: { javaScriptEnabled: true }, grepInvert: /@js-off-only/ },
    { name: "js-off", use: { javaScriptEnabled: false }, grep: /@no-js|@js-off-only/ },
  ],
});
