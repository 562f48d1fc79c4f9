// The general-question journey (/contact → details → check → confirmation), in English and Welsh.
// English runs with JavaScript (js-on) and without it (js-off, @no-js); Welsh without it only
// (@js-off-only): these are public pages, which ship no script but the chat launcher. Sending twice
// runs both ways in both languages (a double click with JavaScript, Back without); markup shown
// as text is checked with JavaScript, the only way markup could run.
import type { Page } from "@playwright/test";
import {
  answerQuestion,
  baseURL,
  escapeRegExp,
  expect,
  expectNoAxeViolations,
  findParsedEmail,
  inLang,
  jsEnabled,
  LANGS,
  newQuestion,
  sendQuestion,
  TEXT,
  test,
  unique,
} from "./fixtures";

const continueButton = (page: Page) => page.locator("main form button[type=submit]");
/** The value shown in a row of the check-answers summary list, found by its label. */
const answerRow = (page: Page, label: string) =>
  page.locator(".govuk-summary-list__row").filter({ has: page.locator("dt", { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).locator(".govuk-summary-list__value");

const CHECK_LABELS = {
  en: { question: "Your question", name: "Name", email: "Email address", language: "Language for our reply" },
  cy: { question: "Eich cwestiwn", name: "Enw", email: "Cyfeiriad e-bost", language: "Iaith ein hateb" },
};

for (const lang of LANGS) {
  const t = TEXT[lang];
  const c = t.contact;
  const labels = CHECK_LABELS[lang];
  const other = lang === "en" ? "cy" : "en";
  const at = (path: string) => `${baseURL}${inLang(lang, path)}`;
  const modes = lang === "en" ? "@no-js" : "@js-off-only";

  test.describe(`contact journey (${lang})`, () => {
    test(`empty and invalid answers show the error summary and keep what was typed (${lang}) ${modes}`, async ({ page }) => {
      await page.goto(inLang(lang, "/contact"));
      await continueButton(page).click();

      const summary = page.locator(".govuk-error-summary");
      await expect(summary.getByRole("heading", { level: 2 })).toHaveText(t.errorSummary);
      await expect(summary.getByRole("link")).toHaveText([c.questionRequired]);
      await expect(summary.getByRole("link")).toHaveAttribute("href", "#question");
      await expect(page.locator("#question-error")).toHaveText(`${t.errorPrefix} ${c.questionRequired}`);
      await expect(page.locator("#question")).toHaveAttribute("aria-invalid", "true");
      await expect(page).toHaveTitle(`${t.errorPrefix} ${c.questionTitle} – Doorstep`);
      // Focus moves to the summary (autofocus in the HTML, so with or without JavaScript).
      await expect(summary).toBeFocused();
      await summary.getByRole("link").click();
      await expect(page.locator("#question")).toBeFocused();

      // Whitespace only is still empty.
      await page.locator("#question").fill("   ");
      await continueButton(page).click();
      await expect(page.locator("#question-error")).toContainText(c.questionRequired);

      const answers = newQuestion("err");
      await page.locator("#question").fill(answers.question);
      await continueButton(page).click();
      await expect(page).toHaveURL(at("/contact/details"));
      await expect(page).toHaveTitle(`${c.detailsTitle} – Doorstep`);

      await continueButton(page).click();
      await expect(summary.getByRole("link")).toHaveText([c.nameRequired, c.emailRequired]);
      await expect(summary.getByRole("link").nth(0)).toHaveAttribute("href", "#name");
      await expect(summary.getByRole("link").nth(1)).toHaveAttribute("href", "#email");
      await expect(page.locator("#name-error")).toContainText(c.nameRequired);
      await expect(page.locator("#email-error")).toContainText(c.emailRequired);
      await expect(page).toHaveTitle(`${t.errorPrefix} ${c.detailsTitle} – Doorstep`);
      await expectNoAxeViolations(page);

      // A bad email address: only that is wrong, and both answers are still there to correct.
      await page.locator("#name").fill(answers.name);
      await page.locator("#email").fill("not-an-email");
      await continueButton(page).click();
      await expect(summary.getByRole("link")).toHaveText([c.emailInvalid]);
      await expect(page.locator("#email-error")).toHaveText(`${t.errorPrefix} ${c.emailInvalid}`);
      await expect(page.locator("#name-error")).toHaveCount(0);
      await expect(page.locator("#name")).toHaveValue(answers.name);
      await expect(page.locator("#email")).toHaveValue("not-an-email");
      await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(t.errorPrefix)} `));

      await page.locator("#email").fill(answers.email);
      await continueButton(page).click();
      await expect(page).toHaveURL(at("/contact/check"));
      await expect(answerRow(page, labels.question)).toHaveText(answers.question);
      await expect(answerRow(page, labels.name)).toHaveText(answers.name);
      await expect(answerRow(page, labels.email)).toHaveText(answers.email);
    });

    test(`a question over 2,000 characters is refused (${lang}) ${modes}`, async ({ page }) => {
      const tooLong = `${unique("long")} ${"a".repeat(2001)}`.slice(0, 2001);
      await page.goto(inLang(lang, "/contact"));
      await page.locator("#question").fill(tooLong);
      await continueButton(page).click();
      await expect(page.locator(".govuk-error-summary").getByRole("link")).toHaveText([c.questionTooLong]);
      await expect(page.locator("#question-error")).toHaveText(`${t.errorPrefix} ${c.questionTooLong}`);
      await expect(page).toHaveTitle(`${t.errorPrefix} ${c.questionTitle} – Doorstep`);
      // Nothing is cut off: the whole text comes back to be shortened.
      await expect(page.locator("#question")).toHaveValue(tooLong);

      // Exactly 2,000 characters is allowed.
      await page.locator("#question").fill(tooLong.slice(0, 2000));
      await continueButton(page).click();
      await expect(page).toHaveURL(at("/contact/details"));
    });

    test(`markup in the answers is shown back as text, never run (${lang})`, async ({ page, staffPage }) => {
      const dialogs: string[] = [];
      for (const p of [page, staffPage]) {
        p.on("dialog", (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
      }
      const id = unique("xss");
      const answers = {
        question: `<script>alert(1)</script> ${id} <img src=x onerror="alert(2)">`,
        name: `<b>Bold</b> ${id}`,
        email: `${id}@example.com`,
      };
      await answerQuestion(page, lang, answers);
      await expect(answerRow(page, labels.question)).toHaveText(answers.question);
      await expect(answerRow(page, labels.name)).toHaveText(answers.name);
      await expect(page.locator("main img, main b")).toHaveCount(0);

      const reference = await sendQuestion(page, lang, answers);
      // Staff see the same text, literally.
      await staffPage.goto(inLang(lang, `/staff/cases/${reference}`));
      await expect(staffPage.getByRole("heading", { level: 1 })).toContainText(answers.name);
      await expect(staffPage.locator(".ds-pre-wrap")).toHaveText(answers.question);
      await expect(staffPage.locator("main img, main b")).toHaveCount(0);
      expect(dialogs).toEqual([]);
    });

    test(`"Change" goes back to the answer and returns to check answers (${lang}) ${modes}`, async ({ page }) => {
      const answers = newQuestion("chg");
      await answerQuestion(page, lang, answers);

      await page.getByRole("link", { name: c.changeQuestion }).click();
      await expect(page).toHaveURL(at("/contact?change=1"));
      await expect(page.locator("#question")).toHaveValue(answers.question);
      await expect(page.locator(".govuk-back-link")).toHaveAttribute("href", inLang(lang, "/contact/check"));
      const changedQuestion = `${answers.question} (changed)`;
      await page.locator("#question").fill(changedQuestion);
      await continueButton(page).click();
      await expect(page).toHaveURL(at("/contact/check"));
      await expect(answerRow(page, labels.question)).toHaveText(changedQuestion);
      await expect(answerRow(page, labels.name)).toHaveText(answers.name);

      await page.getByRole("link", { name: c.changeName }).click();
      await expect(page).toHaveURL(at("/contact/details?change=1"));
      await expect(page.locator("#name")).toHaveValue(answers.name);
      await expect(page.locator("#email")).toHaveValue(answers.email);
      await page.locator("#name").fill(`${answers.name} Jr`);
      await continueButton(page).click();
      await expect(page).toHaveURL(at("/contact/check"));
      await expect(answerRow(page, labels.name)).toHaveText(`${answers.name} Jr`);

      await page.getByRole("link", { name: c.changeEmail }).click();
      await expect(page).toHaveURL(at("/contact/details?change=1"));
      const changedEmail = answers.email.replace("@", ".new@");
      await page.locator("#email").fill(changedEmail);
      await continueButton(page).click();
      await expect(page).toHaveURL(at("/contact/check"));
      await expect(answerRow(page, labels.email)).toHaveText(changedEmail);
      await expect(answerRow(page, labels.question)).toHaveText(changedQuestion);
    });

    test(`switching language mid-journey keeps the answers (${lang}) ${modes}`, async ({ page }) => {
      const answers = newQuestion("lng");
      await answerQuestion(page, lang, answers);

      // Back to the details page, then into the other language: the answers come too.
      await page.locator(".govuk-back-link").click();
      await expect(page).toHaveURL(at("/contact/details"));
      await page.getByTestId("language-switch").click();
      await expect(page).toHaveURL(`${baseURL}${inLang(other, "/contact/details")}`);
      await expect(page.locator("html")).toHaveAttribute("lang", TEXT[other].htmlLang);
      await expect(page.locator("#name")).toHaveValue(answers.name);
      await expect(page.locator("#email")).toHaveValue(answers.email);
      await continueButton(page).click();
      await expect(page).toHaveURL(`${baseURL}${inLang(other, "/contact/check")}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT[other].contact.checkTitle);
      await expect(answerRow(page, CHECK_LABELS[other].question)).toHaveText(answers.question);
      await expect(answerRow(page, CHECK_LABELS[other].name)).toHaveText(answers.name);
      await expect(answerRow(page, CHECK_LABELS[other].email)).toHaveText(answers.email);
      await expect(answerRow(page, CHECK_LABELS[other].language)).toHaveText(TEXT[other].contact.languageName);

      // And back again from the question page.
      await page.getByRole("link", { name: TEXT[other].contact.changeQuestion }).click();
      await page.getByTestId("language-switch").click();
      await expect(page).toHaveURL(at("/contact?change=1"));
      await expect(page.locator("#question")).toHaveValue(answers.question);
      await continueButton(page).click();
      await expect(page).toHaveURL(at("/contact/check"));
      await expect(answerRow(page, labels.question)).toHaveText(answers.question);
      await expect(answerRow(page, labels.name)).toHaveText(answers.name);
      await expect(answerRow(page, labels.language)).toHaveText(c.languageName);
    });

    test(`sending gives a reference and an acknowledgement email in the person's language (${lang}) ${modes}`, async ({ page }) => {
      const answers = newQuestion("ack");
      const reference = await sendQuestion(page, lang, answers);
      await expect(page).toHaveTitle(`${c.confirmationTitle} – Doorstep`);
      await expect(page.locator(".govuk-panel__title")).toHaveText(c.confirmationTitle);
      await expect(page.getByText(c.emailSent(answers.email))).toBeVisible();

      const mail = await findParsedEmail((m) => m.to.includes(answers.email));
      expect(mail.subject).toContain(`[Ref. ${reference}]`);
      expect(mail.subject).toBe(`${c.emailSubject}${reference}]`);
      expect(mail.contentLanguage).toBe(t.htmlLang);
      expect(mail.text).toContain(answers.question);
      expect(mail.text).toContain(lang === "en" ? `Dear ${answers.name},` : `Annwyl ${answers.name},`);

      // The confirmation survives a reload, and the journey starts afresh.
      await page.reload();
      await expect(page.getByTestId("reference")).toHaveText(reference);
      await page.goto(inLang(lang, "/contact/check"));
      await expect(page).toHaveURL(at("/contact"));
      await expect(page.locator("#question")).toHaveValue("");
    });

    test(`a deep link ahead of the answers goes back to the first missing one (${lang}) ${modes}`, async ({ page }) => {
      for (const path of ["/contact/check", "/contact/details", "/contact/confirmation"]) {
        await page.goto(inLang(lang, path));
        await expect(page).toHaveURL(at("/contact"));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.questionTitle);
      }
      // With only the question answered, check answers sends you to the details.
      await page.locator("#question").fill(newQuestion("deep").question);
      await continueButton(page).click();
      await expect(page).toHaveURL(at("/contact/details"));
      await page.goto(inLang(lang, "/contact/check"));
      await expect(page).toHaveURL(at("/contact/details"));
    });

    test(`sending twice gives one case with one reference (${lang}) @no-js`, async ({ page, staffPage }) => {
      const answers = newQuestion("dbl");
      await answerQuestion(page, lang, answers);
      // A second tab on the same check page stands for the copy a browser keeps for "Back"
      // (its back/forward cache): the same form, with the same one-time key, sent again later.
      const stale = await page.context().newPage();
      await stale.goto(inLang(lang, "/contact/check"));
      await expect(stale.getByRole("heading", { level: 1 })).toHaveText(c.checkTitle);

      const send = page.getByRole("button", { name: c.submit });
      if (jsEnabled()) await send.dblclick();
      else await send.click();
      await expect(page).toHaveURL(at("/contact/confirmation"));
      const first = (await page.getByTestId("reference").textContent())!;
      if (!jsEnabled()) {
        // Back asks the server again: the journey is finished, so the form is not offered a second time.
        await page.goBack();
        await expect(page).toHaveURL(at("/contact"));
      }
      await stale.getByRole("button", { name: c.submit }).click();
      await expect(stale).toHaveURL(at("/contact/confirmation"));
      const second = (await stale.getByTestId("reference").textContent())!;
      expect(first).toMatch(/^ENQ\d{7}$/);
      expect(second).toBe(first);

      await staffPage.goto(inLang(lang, "/staff/cases?queue=1"));
      const rows = staffPage.locator("tbody tr").filter({ hasText: answers.name });
      await expect(rows).toHaveCount(1);
      await expect(rows.getByRole("link")).toHaveText(first);
    });
  });
}
