// Staff screens in English and Welsh: the sign-in guard and returnTo, sign-in errors, the work
// queue and case page for a question a member of the public sent, customer flags, sign-out, axe.
import type { Page } from "@playwright/test";
import {
  baseURL,
  DEMO_MANAGER,
  DEMO_OFFICER,
  escapeRegExp,
  expect,
  expectNoAxeViolations,
  fillSignIn,
  inLang,
  jsEnabled,
  LANGS,
  MONTHS,
  newQuestion,
  sendQuestion,
  signIn,
  TEXT,
  test,
  waitForHydration,
} from "./fixtures";

// ENQ0000001 is the demo seed's advice request (Jo Bloggs), there before any test runs.
const GUARDED = ["/staff", "/staff/cases", "/staff/cases/ENQ0000001"];

/** A row of the case list, found by text only that case has (a unique name, an organisation). */
const caseRow = (page: Page, text: string) => page.locator("tbody tr").filter({ hasText: text });

/** Opens a case from the full list by text in its row; returns its reference. */
async function openCaseFromList(page: Page, lang: "en" | "cy", text: string): Promise<string> {
  await page.goto(inLang(lang, "/staff/cases"));
  const link = caseRow(page, text).getByRole("link");
  await expect(link).toHaveCount(1);
  const reference = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(`${baseURL}${inLang(lang, `/staff/cases/${reference}`)}`);
  return reference;
}

for (const lang of LANGS) {
  const t = TEXT[lang];
  const s = t.staff;
  const signInPath = inLang(lang, "/staff/sign-in");
  // The sign-in guard, its errors and the sign-in page: English with JavaScript and without,
  // Welsh without only (the same server-side redirects and form; the pages they lead to are
  // hydrated in both languages in the tests below).
  const signInModes = lang === "en" ? "@no-js" : "@js-off-only";

  test.describe(`staff (${lang})`, () => {
    for (const path of GUARDED) {
      const target = inLang(lang, path);

      test(`signed out, ${target} asks for sign-in and returns there afterwards ${signInModes}`, async ({ page }) => {
        await page.goto(target);
        await expect(page).toHaveURL(`${baseURL}${signInPath}?returnTo=${encodeURIComponent(target)}`);
        await expect(page.locator("html")).toHaveAttribute("lang", t.htmlLang);
        await expect(page.locator("#password")).toBeVisible();

        await fillSignIn(page, DEMO_OFFICER);
        await expect(page).toHaveURL(`${baseURL}${target}`);
        await expect(page.locator("html")).toHaveAttribute("lang", t.htmlLang);
        if (path === "/staff") await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.dashboardTitle);
        if (path === "/staff/cases") await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.casesTitle);
        if (path.startsWith("/staff/cases/")) await expect(page.locator(".govuk-caption-l")).toHaveText("ENQ0000001");
      });
    }

    test(`a wrong password shows an error and keeps the email address (${lang}) ${signInModes}`, async ({ page }) => {
      // Its own account per language, so failed attempts never lock out the accounts other tests use.
      const who = lang === "en" ? { email: "adviser@doorstep.example", password: "demo-adviser-2026" } : { email: "cynghorydd@doorstep.example", password: "demo-cynghorydd-2026" };
      await page.goto(signInPath);
      await fillSignIn(page, { email: who.email, password: "not-the-password" });

      const summary = page.locator(".govuk-error-summary");
      await expect(summary.getByRole("heading", { level: 2 })).toHaveText(t.errorSummary);
      await expect(summary.getByRole("link")).toHaveCount(1);
      await expect(summary.getByRole("link")).toHaveAttribute("href", "#email");
      await expect(summary).toBeFocused();
      await expect(page.locator("#email-error")).toBeVisible();
      await expect(page.locator("#email")).toHaveValue(who.email);
      await expect(page.locator("#password")).toHaveValue("");
      await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(t.errorPrefix)} .* – Doorstep$`));
      await expect(page).toHaveURL(`${baseURL}${signInPath}`);
      await expectNoAxeViolations(page);

      // The right password then works (and clears the failed attempt).
      await page.locator("#password").fill(who.password);
      await page.locator("main form button[type=submit]").click();
      await expect(page).toHaveURL(`${baseURL}${inLang(lang, "/staff")}`);
    });

    // BUG (app/routes/staff.sign-in.tsx + app/lib/locales.server.ts): the sign-in page is outside the
    // staff layout, the only place that sends the "staff" namespace, so it shows raw keys
    // ("signIn.title", "signIn.emailLabel", "signIn.errors.invalid", "signIn.signedOut") in both languages.
    test(`the sign-in page, its error and the signed-out message are in the person's language (${lang}) ${signInModes}`, async ({ page }) => {
      await page.goto(signInPath);
      await expect(page).toHaveTitle(`${s.signInTitle} – Doorstep`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.signInTitle);
      await expect(page.locator("label[for=email]")).toHaveText(lang === "en" ? "Email address" : "Cyfeiriad e-bost");
      await expect(page.locator("label[for=password]")).toHaveText(lang === "en" ? "Password" : "Cyfrinair");
      await expect(page.locator("main form button[type=submit]")).toHaveText(lang === "en" ? "Sign in" : "Mewngofnodi");
      await fillSignIn(page, { email: "nobody@doorstep.example", password: "wrong-password" });
      await expect(page.locator(".govuk-error-summary").getByRole("link")).toHaveText([s.invalid]);
      await expect(page.locator("#email-error")).toHaveText(`${t.errorPrefix} ${s.invalid}`);
      await expect(page).toHaveTitle(`${t.errorPrefix} ${s.signInTitle} – Doorstep`);
      await expect(page.locator("#email")).toHaveValue("nobody@doorstep.example");
      await page.goto(`${signInPath}?signedOut=1`);
      await expect(page.getByRole("alert")).toHaveText(s.signedOut);
    });

    test(`a new question from the public is in work queue 1 with its details, clocks and timeline (${lang}) @no-js`, async ({ page, staffPage }) => {
      const answers = newQuestion("staff");
      const reference = await sendQuestion(page, lang, answers);

      // The queue filter on the case list.
      await staffPage.goto(inLang(lang, "/staff/cases"));
      // Choose only once React has taken over the page: until then a re-render can reset the choice.
      await waitForHydration(staffPage);
      await staffPage.getByLabel(s.filterLabel).selectOption({ label: s.queue1 });
      await staffPage.getByRole("button", { name: s.filter }).click();
      await expect(staffPage).toHaveURL(`${baseURL}${inLang(lang, "/staff/cases")}?queue=1`);
      const queue = staffPage.locator("section[data-queue]");
      await expect(queue).toHaveCount(1);
      await expect(queue.getByRole("heading", { level: 2 })).toContainText(s.queue1);

      const row = caseRow(staffPage, answers.name);
      await expect(row).toHaveCount(1);
      const cells = row.locator("td");
      await expect(cells.nth(0).getByRole("link")).toHaveText(reference);
      await expect(cells.nth(0)).toContainText(s.caseType);
      // Titles are English whatever the screen language (for staff reports); Welsh cases lead with the marker.
      const title = `${lang === "cy" ? "Welsh language – " : ""}Advice request – ${answers.name}`;
      await expect(cells.nth(1)).toHaveText(new RegExp(`^${escapeRegExp(title)}`));
      // Welsh cases carry a tag in the list.
      await expect(cells.nth(1).locator(".govuk-tag")).toHaveCount(lang === "cy" ? 1 : 0);
      if (lang === "cy") await expect(cells.nth(1).locator(".govuk-tag")).toHaveText(s.welshTag);
      // Next due: a date and its clock tag (the date's exact wording is checked in "dates on staff pages").
      await expect(cells.nth(3)).toHaveText(new RegExp(`\\d{4} (${s.clockStates.map(escapeRegExp).join("|")})$`));
      await expect(cells.nth(3).locator(".govuk-tag")).toHaveCount(1);

      // The case page.
      await cells.nth(0).getByRole("link").click();
      await expect(staffPage).toHaveURL(`${baseURL}${inLang(lang, `/staff/cases/${reference}`)}`);
      await expect(staffPage).toHaveTitle(`${reference} – ${title} – Doorstep`);
      await expect(staffPage.locator(".govuk-caption-l")).toHaveText(reference);
      await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(staffPage.getByTestId("flag-banner")).toHaveCount(0);

      const detail = (label: string) =>
        staffPage.locator(".govuk-summary-list__row").filter({ has: staffPage.locator("dt", { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).locator("dd");
      await expect(detail(s.languageLabel)).toHaveText(s.language[lang]);
      await expect(detail(lang === "en" ? "Work queue" : "Ciw gwaith")).toHaveText(s.queue1);
      await expect(staffPage.locator(".ds-pre-wrap")).toHaveText(answers.question);

      const parties = staffPage.locator("table").filter({ has: staffPage.locator("caption", { hasText: s.partiesHeading }) });
      const customer = parties.locator("tbody tr").filter({ hasText: answers.name });
      await expect(customer.locator("td")).toHaveText([s.customer, answers.name, answers.email, s.language[lang], lang === "en" ? "None" : "Dim"]);

      const clocks = staffPage.locator("tr[data-clock]");
      await expect(clocks.locator("th")).toHaveText(s.clocks);
      for (let i = 0; i < 5; i++) {
        await expect(clocks.nth(i).locator("td").nth(0)).toHaveText(/\d{4}$/);
        await expect(clocks.nth(i).locator(".govuk-tag")).toHaveText(new RegExp(`^(${s.clockStates.map(escapeRegExp).join("|")})$`));
      }

      await expect(staffPage.getByRole("heading", { level: 2, name: s.timelineHeading })).toBeVisible();
      const timeline = staffPage.locator("main ol li");
      await expect(timeline).toHaveCount(3);
      for (const event of s.events) await expect(timeline.filter({ hasText: event })).toHaveCount(1);
      await expect(timeline.locator("time")).toHaveCount(3);
    });

    test(`dates on staff pages are in the page's language, also once its JavaScript runs (${lang}) @no-js`, async ({ staffPage }) => {
      // Guards against formatting with the browser's Intl: Chromium without Welsh locale data resolves "cy" to
      // en-US, which once turned server-rendered Welsh dates into US English after hydration.
      const errors: string[] = [];
      staffPage.on("pageerror", (error) => errors.push(error.message));
      const month = MONTHS[lang];
      const date = new RegExp(`^\\d{1,2} (${month.long.join("|")}) \\d{4}$`);
      const dateTime = new RegExp(`^\\d{1,2} (${month.short.join("|")}) \\d{4}, \\d{2}:\\d{2}$`);

      await staffPage.goto(inLang(lang, "/staff/cases?queue=1"));
      await waitForHydration(staffPage);
      const demo = caseRow(staffPage, "ENQ0000001").locator("td");
      await expect(demo.nth(2)).toHaveText(dateTime);
      await expect(demo.nth(3).locator(".govuk-tag")).toHaveCount(1);
      expect((await demo.nth(3).textContent())!.replace((await demo.nth(3).locator(".govuk-tag").textContent())!, "").trim()).toMatch(date);

      await staffPage.goto(inLang(lang, "/staff/cases/ENQ0000001"));
      await waitForHydration(staffPage);
      const clocks = staffPage.locator("tr[data-clock]");
      await expect(clocks).toHaveCount(5);
      for (let i = 0; i < 5; i++) await expect(clocks.nth(i).locator("td").nth(0)).toHaveText(date);
      await expect(staffPage.locator("main ol li time").first()).toHaveText(dateTime);
      expect(errors).toEqual([]);
    });

    test(`a case with a flagged customer shows the flag banner (${lang})`, async ({ staffPage }) => {
      await openCaseFromList(staffPage, lang, "FitLife Leisure Ltd");
      const banner = staffPage.getByTestId("flag-banner");
      await expect(banner).toBeVisible();
      await expect(banner.getByRole("heading", { level: 2 })).toHaveText(s.flagBanner);
      await expect(banner).toContainText(s.reasonableAdjustment);
      await expect(banner).toContainText("(Priya Shah)");
      await expect(banner).toContainText("Large print (18pt)");
      // The review date once, not "Review by …" from the summary and "review by …" again (issue 13).
      const adjustment = (await banner.locator('li[data-flag="reasonable_adjustment"]').first().textContent()) ?? "";
      expect(adjustment.match(lang === "cy" ? /adolygu erbyn/gi : /review by/gi)?.length ?? 0).toBeLessThanOrEqual(1);
      // A customer without flags: no banner.
      await openCaseFromList(staffPage, lang, "Northshire NHS Trust");
      await expect(staffPage.getByTestId("flag-banner")).toHaveCount(0);
    });

    test(`signing out returns to sign-in with the signed-out message (${lang}) @no-js`, async ({ page }) => {
      // Its own session: the shared signed-in session must stay signed in for other tests.
      await signIn(page, DEMO_MANAGER, lang);
      await expect(page).toHaveURL(`${baseURL}${inLang(lang, "/staff")}`);
      await page.getByRole("button", { name: s.signOut }).click();
      await expect(page).toHaveURL(`${baseURL}${signInPath}?signedOut=1`);
      await expect(page.locator(".govuk-notification-banner--success")).toBeVisible();
      await expect(page.locator("#password")).toBeVisible();
      // The session is really gone.
      await page.goto(inLang(lang, "/staff/cases"));
      await expect(page).toHaveURL(`${baseURL}${signInPath}?returnTo=${encodeURIComponent(inLang(lang, "/staff/cases"))}`);
    });

    test(`staff pages pass axe (${lang})`, async ({ staffPage }) => {
      await staffPage.goto(inLang(lang, "/staff"));
      await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText(s.dashboardTitle);
      await expectNoAxeViolations(staffPage);
      await staffPage.goto(inLang(lang, "/staff/cases"));
      await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText(s.casesTitle);
      await expectNoAxeViolations(staffPage);
      // A case page with everything on it: the flag banner, parties, clocks and timeline.
      await openCaseFromList(staffPage, lang, "FitLife Leisure Ltd");
      await expect(staffPage.getByTestId("flag-banner")).toBeVisible();
      await expectNoAxeViolations(staffPage);
    });
  });
}
