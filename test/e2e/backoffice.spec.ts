// Back office end to end, in English and Welsh: a manager allocates a new question, the officer
// records a call, prepares and closes it with an outcome, and the customer follows each step at
// /track. axe on every page visited.
import type { Browser, Page } from "@playwright/test";
import { DEMO_OFFICER, expect, expectNoAxeViolations, inLang, LANGS, newQuestion, sendQuestion, signIn, test, waitForHydration, type Lang } from "./fixtures";

const T = {
  en: {
    trackTitle: "Check the progress of your case",
    waiting: "We have your case and it is waiting for a case officer",
    underWay: "A case officer is working on your case",
    closed: "Your case is closed",
    notFound: "We could not find a case with that reference and email address. Check both and try again.",
    allocateLabel: "Allocate to",
    allocate: "Allocate",
    contactSummary: "Summary",
    recordContact: "Record contact",
    prepare: "Prepare done: customer contacted",
    outcome: "Outcome",
    outcomeLabel: "Advice provided",
    close: "Close case",
    selectOutcome: "Select an outcome",
    statusUnderWay: "Under way",
    statusClosed: "Closed",
    queuesHeading: "Work queues by clock",
  },
  cy: {
    trackTitle: "Gwirio cynnydd eich achos",
    waiting: "Mae eich achos gennym ac mae’n aros am swyddog achos",
    underWay: "Mae swyddog achos yn gweithio ar eich achos",
    closed: "Mae eich achos wedi’i gau",
    notFound: "Nid oeddem yn gallu dod o hyd i achos gyda’r cyfeirnod a’r cyfeiriad e-bost hynny. Gwiriwch y ddau a rhowch gynnig arall arni.",
    allocateLabel: "Dyrannu i",
    allocate: "Dyrannu",
    contactSummary: "Crynodeb",
    recordContact: "Cofnodi’r cyswllt",
    prepare: "Paratoi wedi’i wneud: wedi cysylltu â’r cwsmer",
    outcome: "Canlyniad",
    outcomeLabel: "Cyngor wedi’i roi",
    close: "Cau’r achos",
    selectOutcome: "Dewiswch ganlyniad",
    statusUnderWay: "",
    statusClosed: "",
    queuesHeading: "Ciwiau gwaith yn ôl cloc",
  },
};

async function trackStage(page: Page, lang: Lang, reference: string, email: string) {
  await page.goto(inLang(lang, "/track"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(T[lang].trackTitle);
  await expectNoAxeViolations(page);
  await page.locator("#reference").fill(reference);
  await page.locator("#email").fill(email);
  await page.locator("main form button[type=submit]").click();
  return page.getByTestId("track-stage");
}

async function officerPage(browser: Browser, javaScriptEnabled: boolean, lang: Lang) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, DEMO_OFFICER, lang);
  return { page, close: () => context.close() };
}

for (const lang of LANGS) {
  const t = T[lang];
  test.describe(`back office (${lang})`, () => {
    // English with JavaScript and without; Welsh without only (the same forms; hydrated Welsh staff
    // pages are staff.spec.ts's and adjustments.spec.ts's).
    test(`allocate, record a call, prepare, close; the customer follows it at /track (${lang}) ${lang === "en" ? "@no-js" : "@js-off-only"}`, async ({ page, staffPage, browser, javaScriptEnabled }) => {
      // Two staff sign-ins (scrypt at OWASP's cost) and several axe scans: more than the default minute.
      test.slow();
      const answers = newQuestion("bo");
      const reference = await sendQuestion(page, lang, answers);

      // The customer: waiting for an officer. Public pages ship no JavaScript but the chat launcher.
      await expect(await trackStage(page, lang, reference, answers.email)).toHaveText(t.waiting);
      expect(await page.locator("script[src]:not([src='/widget.js'])").count()).toBe(0);
      await expectNoAxeViolations(page);

      // The manager: queue counts, then the case, allocated to the officer.
      await staffPage.goto(inLang(lang, "/staff/cases"));
      await expect(staffPage.getByRole("heading", { level: 2, name: t.queuesHeading })).toBeVisible();
      await expectNoAxeViolations(staffPage);
      await staffPage.goto(inLang(lang, `/staff/cases/${reference}`));
      await waitForHydration(staffPage);
      await expectNoAxeViolations(staffPage);
      await staffPage.getByLabel(t.allocateLabel).selectOption({ label: "Olu Officer" });
      await staffPage.getByRole("button", { name: t.allocate, exact: true }).click();
      await expect(staffPage.getByTestId("case-officer")).toHaveText("Olu Officer");
      await expect(staffPage.getByTestId("done-banner")).toBeVisible();

      // The officer: a call, prepare done, then close (an outcome is required).
      const officer = await officerPage(browser, javaScriptEnabled, lang);
      try {
        const o = officer.page;
        await o.goto(inLang(lang, `/staff/cases/${reference}`));
        await waitForHydration(o);
        const contact = o.locator("section[data-section=contact] form");
        await contact.locator("#method").selectOption("call");
        await contact.locator("#direction").selectOption("out");
        await contact.getByLabel(t.contactSummary).fill("Phoned to talk through the landlord question");
        await contact.getByRole("button", { name: t.recordContact }).click();
        await expect(o.getByTestId("timeline").locator("li[data-kind=contact]")).toContainText("Phoned to talk through the landlord question");
        await o.getByRole("button", { name: t.prepare }).click();
        await expect(o.getByTestId("timeline").locator("li[data-kind=under_way]")).toHaveCount(1);
        await expectNoAxeViolations(o);

        await expect(await trackStage(page, lang, reference, answers.email)).toHaveText(t.underWay);
        await expect(page.locator("main")).toContainText("Olu Officer");
        await expect(page.locator("main")).not.toContainText("landlord question");

        await o.goto(inLang(lang, `/staff/cases/${reference}`));
        await waitForHydration(o);
        await o.getByRole("button", { name: t.close }).click();
        await expect(o.locator(".govuk-error-summary")).toContainText(t.selectOutcome);
        await expectNoAxeViolations(o);
        await o.getByLabel(t.outcome, { exact: true }).selectOption({ label: t.outcomeLabel });
        await o.getByRole("button", { name: t.close }).click();
        await expect(o.getByTestId("reopen-tomorrow")).toBeVisible();
        await expect(o.getByTestId("timeline").locator("li[data-kind=closed]")).toContainText(t.outcomeLabel);
        await expectNoAxeViolations(o);
      } finally {
        await officer.close();
      }

      await expect(await trackStage(page, lang, reference, answers.email)).toHaveText(t.closed);
      await expectNoAxeViolations(page);
      // Someone else's email: the same answer as an unknown reference.
      await trackStage(page, lang, reference, `not-${answers.email}`);
      await expect(page.locator(".govuk-error-summary")).toContainText(t.notFound);
      await expectNoAxeViolations(page);
    });
  });
}

const ADMIN = { email: "admin@doorstep.example", password: "demo-admin-2026" };
const PAGES = {
  manager: ["/staff", "/staff/back-office", "/staff/reports/welsh", "/staff/dead-letters", "/staff/jobs", "/staff/cases?language=cy&sort=received"],
  admin: ["/staff/back-office", "/staff/api-tokens", "/staff/audit", "/staff/retention", "/staff/subject-access"],
};

for (const lang of LANGS) {
  test(`back-office tools pass axe and are in the page's language (${lang})`, async ({ staffPage, browser }) => {
    // Two staff sign-ins and an axe scan of every back-office page: more than the default minute.
    test.slow();
    for (const path of PAGES.manager) {
      const res = await staffPage.goto(inLang(lang, path));
      expect(res?.status(), path).toBe(200);
      await expect(staffPage.locator("html")).toHaveAttribute("lang", lang === "cy" ? "cy" : "en-GB");
      await expectNoAxeViolations(staffPage);
    }
    await expect(staffPage.locator("main")).not.toContainText("staff-backoffice:");
    const context = await browser.newContext();
    const admin = await context.newPage();
    try {
      await signIn(admin, ADMIN, lang);
      for (const path of PAGES.admin) {
        const res = await admin.goto(inLang(lang, path));
        expect(res?.status(), path).toBe(200);
        await expectNoAxeViolations(admin);
        await expect(admin.locator("main")).not.toContainText(/staff-(backoffice|cases):/);
      }
      // A token is shown once, after the form post.
      await admin.goto(inLang(lang, "/staff/api-tokens"));
      await waitForHydration(admin);
      await admin.locator("#name").fill(`e2e ${lang}`);
      await admin.locator("input[name=scopes][value='cases:read']").check();
      await admin.getByRole("button", { name: lang === "cy" ? "Creu tocyn" : "Create token" }).click();
      await expect(admin.getByTestId("new-token")).toBeVisible();
      await expect(admin.locator("[data-token]")).toHaveText(/^dst_/);
      await expectNoAxeViolations(admin);
    } finally {
      await context.close();
    }
  });
}
