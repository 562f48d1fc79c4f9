// Shared helpers for the end-to-end tests: the server's address, an axe check, and the mail folder.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const baseURL = process.env.E2E_BASE_URL!;
export const mailDir = process.env.E2E_MAIL_DIR!;

export const test = base.extend({
  baseURL: async ({}, use) => use(baseURL),
});
export { expect };

/** WCAG 2.2 AA (and the A/AA rules before it): axe must find nothing. */
export async function expectNoAxeViolations(page: Page) {
  // axe runs inside the page, so it needs JavaScript; the js-on project scans the same server-rendered pages.
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Emails written as .eml files by the server, newest last. Retries briefly: the mail worker sends just after the response. */
export async function findEmail(predicate: (raw: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let files: string[] = [];
    try {
      files = readdirSync(mailDir).filter((f) => f.endsWith(".eml")).sort();
    } catch {
      // the folder appears with the first email
    }
    for (const file of files.reverse()) {
      const raw = readFileSync(path.join(mailDir, file), "utf8");
      if (predicate(raw)) return raw;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("no matching email was written");
}

export const DEMO_MANAGER = { email: "manager@doorstep.example", password: "demo-manager-2026" };
export const DEMO_OFFICER = { email: "officer@doorstep.example", password: "demo-officer-2026" };

export async function signIn(page: Page, who = DEMO_MANAGER, lang: "en" | "cy" = "en") {
  await page.goto(lang === "cy" ? "/cy/staff/sign-in" : "/staff/sign-in");
  await page.locator("#email").fill(who.email);
  await page.locator("#password").fill(who.password);
  await page.locator("form button[type=submit]").last().click();
  await page.waitForURL(/\/staff(\?|$)/);
}
