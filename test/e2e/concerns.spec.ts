// The concerns assistant end to end in Chromium: each journey in English and in Welsh, one of
// each pair with JavaScript and the other without it (@js-off-only: the journey is the same
// public pages, which ship no script but the chat launcher), and axe on every page on the way.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { pdfText } from "../support/pdf-text";
import { baseURL, escapeRegExp, expect, expectNoAxeViolations, findParsedEmail, inLang, jsEnabled, test, unique, type Lang } from "./fixtures";

/** Texts the tests look for, copied from locales/{en,cy}/concerns.json. */
const T = {
  en: {
    start: "Start now",
    continue: "Continue",
    save: "Save and come back later",
    sendLink: "Send me a link",
    resume: "Continue",
    send: "Send report",
    upload: "Upload file",
    download: "Download the letter (PDF)",
    reportTitle: "You can report your concern to us",
    lateTitle: "You can report your concern, but we may not be able to look into it",
    lateReasonTitle: "Why did you not contact us sooner?",
    internalReviewTitle: (org: string) => `Ask ${org} for an internal review first`,
    eeaTitle: "Contact the data protection authority for Germany",
    marketingTitle: "Report it with our nuisance calls and spam tool",
    reportText: "Report the text message",
    waitTitle: (org: string) => `Wait for ${org} to reply`,
    comeBack: /you can come back to us from (\d{1,2} [A-Z][a-z]+ \d{4})/,
    confirmation: "Report sent",
    checkTitle: "Check your answers before sending your report",
    savedTitle: "We have sent you a link",
    saveSubject: "Continue your concern",
    ackSubject: "We have received your concern [Ref. ",
    errors: {
      topic: "Select what your concern is about",
      realDate: "Enter a real date",
      future: "The date you contacted them must be today or in the past",
      tooEarly: "The date must be the same as or after",
      tooLong: "What happened must be 2,000 characters or fewer",
      wrongType: (name: string) => `‘${name}’ must be a PDF, JPG, PNG, DOCX, TXT or EML file`,
      tooLarge: "Each file must be 5 MB or smaller",
      required: "Tell us what happened",
    },
  },
  cy: {
    start: "Dechrau nawr",
    continue: "Parhau",
    save: "Cadw a dod yn ôl yn nes ymlaen",
    sendLink: "Anfon dolen ataf",
    resume: "Parhau",
    send: "Anfon adroddiad",
    upload: "Uwchlwytho ffeil",
    download: "Lawrlwytho’r llythyr (PDF)",
    reportTitle: "Gallwch roi gwybod i ni am eich pryder",
    lateTitle: "Gallwch roi gwybod i ni am eich pryder, ond efallai na fyddwn yn gallu edrych arno",
    lateReasonTitle: "Pam na wnaethoch chi gysylltu â ni yn gynt?",
    internalReviewTitle: (org: string) => `Gofynnwch i’r sefydliad, ${org}, am adolygiad mewnol yn gyntaf`,
    eeaTitle: "Cysylltwch ag awdurdod diogelu data yr Almaen",
    marketingTitle: "Rhowch wybod amdano gyda’n hadnodd galwadau niwsans a sbam",
    reportText: "Rhoi gwybod am y neges destun",
    waitTitle: (org: string) => `Arhoswch i’r sefydliad, ${org}, ateb`,
    comeBack: /gallwch ddod yn ôl atom o (\d{1,2} [A-Za-z]+ \d{4}) ymlaen/,
    confirmation: "Adroddiad wedi’i anfon",
    checkTitle: "Gwirio eich atebion cyn anfon eich adroddiad",
    savedTitle: "Rydym wedi anfon dolen atoch",
    saveSubject: "Parhau â’ch pryder",
    ackSubject: "Rydym wedi cael eich pryder [Ref. ",
    errors: {
      topic: "Dewiswch am beth mae eich pryder",
      realDate: "Rhowch ddyddiad gwirioneddol",
      future: "Rhaid i’r dyddiad y gwnaethoch gysylltu â nhw fod heddiw neu yn y gorffennol",
      tooEarly: "Rhaid i’r dyddiad fod yr un fath â",
      tooLong: "Rhaid i’r hyn a ddigwyddodd fod yn 2,000 o nodau neu lai",
      wrongType: (name: string) => `Rhaid i ‘${name}’ fod yn ffeil PDF, JPG, PNG, DOCX, TXT neu EML`,
      tooLarge: "Rhaid i bob ffeil fod yn 5 MB neu lai",
      required: "Dywedwch wrthym beth ddigwyddodd",
    },
  },
} as const;

const WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"];
const fixture = (name: string) => readFileSync(path.resolve("test/fixtures/concerns", name));

/** A London calendar date `n` days ago (or `months` calendar months ago). */
function ago({ days = 0, months = 0 }: { days?: number; months?: number }) {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date()).split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1 - months, d! - days));
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
}

async function check(page: Page) {
  await expectNoAxeViolations(page);
}

async function next(page: Page, lang: Lang) {
  await page.getByRole("button", { name: T[lang].continue, exact: true }).click();
}

/** "topic" ticks a question's first option (its id is the field's name); "topic-foi" the option with that value. */
async function pick(page: Page, lang: Lang, choice: string) {
  await check(page);
  const [name, value] = choice.split(/-(.*)/);
  await page.locator(value ? `input[name="${name}"][value="${value}"]` : `#${name}`).check();
  await next(page, lang);
}

async function select(page: Page, lang: Lang, id: string, value: string) {
  await check(page);
  await page.locator(`#${id}`).selectOption(value);
  await next(page, lang);
}

async function type(page: Page, lang: Lang, id: string, value: string) {
  await check(page);
  await page.locator(`#${id}`).fill(value);
  await next(page, lang);
}

async function date(page: Page, lang: Lang, name: string, d: { day: string; month: string; year: string }) {
  await check(page);
  await page.locator(`#${name}-day`).fill(d.day);
  await page.locator(`#${name}-month`).fill(d.month);
  await page.locator(`#${name}-year`).fill(d.year);
  await next(page, lang);
}

async function start(page: Page, lang: Lang) {
  await page.goto(inLang(lang, "/concerns"));
  await check(page);
  await page.getByRole("button", { name: T[lang].start }).click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(inLang(lang, "/concerns/q/topic"))}$`));
}

async function expectTitle(page: Page, title: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await check(page);
}

/** From the result page's "Start your report" to the check page, uploading `files` on the way. */
async function fillReport(page: Page, lang: Lang, input: { email: string; description: string; files?: { name: string; buffer: Buffer; mimeType: string }[]; lateReason?: string }) {
  await page.getByTestId("start-report").click();
  if (input.lateReason) {
    await expectTitle(page, T[lang].lateReasonTitle);
    await page.locator("#lateReason").fill(input.lateReason);
    await page.locator('input[name="lateDisability"][value="no"]').check();
    await next(page, lang);
  }
  await type(page, lang, "description", input.description);
  await check(page);
  await expect(page.getByTestId("timeline")).toBeVisible();
  await next(page, lang);
  await type(page, lang, "wanted", "Send me a copy of my records");
  await pick(page, lang, "representative-no");
  await check(page);
  for (const file of input.files ?? []) {
    await page.locator("#files").setInputFiles(file);
    await page.getByRole("button", { name: T[lang].upload, exact: true }).click();
    await expect(page.getByTestId("uploaded-files")).toContainText(file.name);
    await check(page);
  }
  await next(page, lang);
  await check(page);
  await page.locator("#name").fill("Sam Jones");
  await page.locator("#email").fill(input.email);
  await page.locator("#contactMethod").check();
  await next(page, lang);
  await check(page);
  await next(page, lang); // language: the page's language is chosen already
  await pick(page, lang, "adjustments-no");
  await expectTitle(page, T[lang].checkTitle);
}

async function send(page: Page, lang: Lang): Promise<string> {
  await page.getByRole("button", { name: T[lang].send }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(T[lang].confirmation);
  await check(page);
  return (await page.getByTestId("reference").textContent())!.trim();
}

for (const lang of ["en", "cy"] as const) {
  const t = T[lang];
  // One of each pair runs with JavaScript, the other without it.
  const noJs = (english: boolean) => ((lang === "en") === english ? " @js-off-only" : "");

  test.describe(`concerns (${lang})`, () => {
    // Whole journeys with an axe scan on every page: longer than the default minute on a busy machine.
    test.describe.configure({ timeout: 180_000 });
    test(`subject access not answered after 5 weeks → report → RFA case in the health queue${noJs(false)}`, async ({ page, staffPage }) => {
      const organisation = `Example Health Trust ${unique()}`;
      const email = `${unique("sar")}@example.com`;
      await start(page, lang);
      await pick(page, lang, "topic");
      await pick(page, lang, "whatHappened");
      await type(page, lang, "organisation", organisation);
      await pick(page, lang, "location");
      await select(page, lang, "sector", "health");
      await date(page, lang, "raisedOn", ago({ days: 35 }));
      await pick(page, lang, "extended-no");
      await date(page, lang, "lastContact", ago({ days: 35 }));
      await expectTitle(page, t.reportTitle);
      await fillReport(page, lang, { email, description: "I asked for my records five weeks ago and have heard nothing.", files: [{ name: "my-request.pdf", mimeType: "application/pdf", buffer: Buffer.from(await (await PDFDocument.create()).save()) }] });
      const reference = await send(page, lang);
      expect(reference).toMatch(/^RFA\d{7}$/);
      const mail = await findParsedEmail((m) => m.to.includes(email));
      expect(mail.subject).toBe(`${t.ackSubject}${reference}]`);
      expect(mail.contentLanguage).toBe(lang === "cy" ? "cy" : "en-GB");

      // As staff: the case is an RFA in queue 12 (data protection: health), with the file.
      await staffPage.goto(`/staff/cases/${reference}`);
      await expect(staffPage.getByRole("heading", { level: 1 })).toContainText(organisation);
      const details = staffPage.locator(".govuk-summary-list").first();
      await expect(details).toContainText("Data protection concern");
      await expect(details).toContainText("Data protection: regulators, BBC, transport, health");
      await expect(staffPage.getByTestId("attachments")).toContainText("my-request.pdf");
      await expectNoAxeViolations(staffPage);
    });

    test(`FOI refused, no internal review → internal review letter as a PDF${noJs(true)}`, async ({ page }) => {
      const organisation = `Cyngor Sir Ynys Môn ${unique()}`;
      await start(page, lang);
      await pick(page, lang, "topic-foi");
      await type(page, lang, "organisation", organisation);
      await pick(page, lang, "sector-local_government");
      await date(page, lang, "raisedOn", ago({ days: 40 }));
      await pick(page, lang, "replied");
      await date(page, lang, "repliedOn", ago({ days: 10 }));
      await pick(page, lang, "reviewRequested-no");
      await expectTitle(page, t.internalReviewTitle(organisation));
      await page.getByRole("button", { name: lang === "cy" ? "Cael llythyr y gallwch ei anfon" : "Get a letter you can send" }).click();
      await check(page);
      await expect(page.getByTestId("letter-recipient")).toHaveText(organisation);
      await expect(page.getByTestId("letter")).toHaveAttribute("data-language", lang);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const lines = await pdfText(bytes);
      expect(lines).toContain(organisation);
      expect(lines.join(" ")).toContain(lang === "cy" ? "adolygiad mewnol" : "internal review");
    });

    test(`organisation in Germany → the EEA authority${noJs(false)}`, async ({ page }) => {
      await start(page, lang);
      await pick(page, lang, "topic");
      await pick(page, lang, "whatHappened-misuse");
      await type(page, lang, "organisation", "Beispiel GmbH");
      await pick(page, lang, "location-eea");
      await select(page, lang, "country", "DE");
      await expectTitle(page, t.eeaTitle);
      await expect(page.getByTestId("authority")).toContainText("Die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)");
      await expect(page.getByTestId("authority").getByRole("link")).toHaveAttribute("href", "https://www.bfdi.bund.de");
    });

    test(`marketing texts → the nuisance reporting tool, with texts chosen${noJs(true)}`, async ({ page }) => {
      await start(page, lang);
      await pick(page, lang, "topic-marketing");
      await pick(page, lang, "channel-text");
      await pick(page, lang, "premiumRate-no");
      await expectTitle(page, t.marketingTitle);
      const link = page.getByTestId("nuisance-link");
      await expect(link).toHaveText(t.reportText);
      await expect(link).toHaveAttribute("href", inLang(lang, "/report-nuisance?kind=text"));
      await expect(page.getByTestId("helpers")).toContainText("7726");
      await link.click();
      await expect(page).toHaveURL(`${baseURL}${inLang(lang, "/report-nuisance?kind=text")}`);
    });

    test(`last contact 4 months ago → the late path, and a late case${noJs(false)}`, async ({ page, staffPage }) => {
      const organisation = `Late Ltd ${unique()}`;
      await start(page, lang);
      await pick(page, lang, "topic");
      await pick(page, lang, "whatHappened-misuse");
      await type(page, lang, "organisation", organisation);
      await pick(page, lang, "location");
      await select(page, lang, "sector", "general_business");
      await pick(page, lang, "raised");
      await date(page, lang, "raisedOn", ago({ months: 5 }));
      await pick(page, lang, "replied");
      await date(page, lang, "repliedOn", ago({ months: 4 }));
      await date(page, lang, "lastContact", ago({ months: 4 }));
      await expectTitle(page, t.lateTitle);
      await expect(page.getByRole("link", { name: lang === "cy" ? "Gofyn am newid i sut rydym yn gweithio gyda chi" : "Ask for a change to how we work with you" })).toHaveAttribute("href", inLang(lang, "/adjustments"));
      await fillReport(page, lang, { email: `${unique("late")}@example.com`, description: "They shared my address.", lateReason: "I was in hospital." });
      const reference = await send(page, lang);
      await staffPage.goto(`/staff/cases/${reference}`);
      const details = staffPage.locator(".govuk-summary-list").first();
      await expect(details.locator(".govuk-summary-list__row", { hasText: "Reported late" })).toContainText("Yes");
      await expect(staffPage.getByTestId("concern-report")).toContainText("I was in hospital.");
    });

    test(`save, follow the emailed link in a new browser, finish${noJs(true)}`, async ({ page, browser, javaScriptEnabled }) => {
      const organisation = `Saved Council ${unique()}`;
      const email = `${unique("save")}@example.com`;
      await start(page, lang);
      await pick(page, lang, "topic-foi");
      await type(page, lang, "organisation", organisation);
      await check(page);
      await page.getByRole("link", { name: t.save }).click();
      await check(page);
      await page.locator("#email").fill(email);
      await page.getByRole("button", { name: t.sendLink }).click();
      await expectTitle(page, t.savedTitle);
      const mail = await findParsedEmail((m) => m.to.includes(email));
      expect(mail.subject).toBe(t.saveSubject);
      const link = /https?:\/\/\S+\/concerns\/resume\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
      expect(new URL(link).pathname.startsWith(lang === "cy" ? "/cy/" : "/concerns")).toBe(true);

      const other = await browser.newContext({ baseURL, javaScriptEnabled });
      const later = await other.newPage();
      await later.goto(new URL(link).pathname);
      await check(later);
      await later.getByRole("button", { name: t.resume, exact: true }).click();
      // Back where they were: the sector question, the name already known.
      await expect(later).toHaveURL(new RegExp(`${escapeRegExp(inLang(lang, "/concerns/q/sector"))}$`));
      await expect(later.getByRole("heading", { level: 1 })).toContainText(organisation);
      await pick(later, lang, "sector-local_government");
      await date(later, lang, "raisedOn", ago({ days: 5 }));
      await pick(later, lang, "replied-no");
      await expectTitle(later, t.waitTitle(organisation));
      const comeBack = t.comeBack.exec((await later.getByTestId("come-back").textContent()) ?? "");
      expect(comeBack, "the come-back date in the page's language").not.toBeNull();
      const month = comeBack![1]!.split(" ")[1]!;
      if (lang === "cy") expect(WELSH_MONTHS).toContain(month);
      else expect(month).toMatch(/^(January|February|March|April|May|June|July|August|September|October|November|December)$/);
      // The link works once.
      const again = await other.newPage();
      const response = await again.goto(new URL(link).pathname);
      expect(response?.status()).toBe(410);
      await other.close();
    });

    test(`bad input gets clear messages and loses nothing${noJs(true)}`, async ({ page }) => {
      await start(page, lang);
      await next(page, lang);
      await expect(page.locator(".govuk-error-summary")).toContainText(t.errors.topic);
      await check(page);
      await pick(page, lang, "topic");
      await pick(page, lang, "whatHappened");
      await type(page, lang, "organisation", `<script>alert("x")</script> Ltd`);
      await pick(page, lang, "location");
      await select(page, lang, "sector", "charity");
      // Impossible, then in the future.
      await date(page, lang, "raisedOn", { day: "30", month: "2", year: "2026" });
      await expect(page.locator(".govuk-error-summary")).toContainText(t.errors.realDate);
      await expect(page.locator("#raisedOn-day")).toHaveValue("30");
      await check(page);
      await date(page, lang, "raisedOn", ago({ days: -3 }));
      await expect(page.locator(".govuk-error-summary")).toContainText(t.errors.future);
      await date(page, lang, "raisedOn", ago({ days: 50 }));
      await pick(page, lang, "extended-no");
      // Before the request.
      await date(page, lang, "lastContact", ago({ days: 51 }));
      await expect(page.locator(".govuk-error-summary")).toContainText(t.errors.tooEarly);
      await date(page, lang, "lastContact", ago({ days: 50 }));
      await expectTitle(page, t.reportTitle);
      // The name with script in it is shown as text.
      await expect(page.locator("main")).toContainText(`<script>alert("x")</script> Ltd`);
      await page.getByTestId("start-report").click();
      await next(page, lang);
      await expect(page.locator(".govuk-error-summary")).toContainText(t.errors.required);
      await type(page, lang, "description", "y".repeat(2001));
      await expect(page.locator(".govuk-error-summary")).toContainText(t.errors.tooLong);
      await expect(page.locator("#description")).toHaveValue("y".repeat(2001));
      await type(page, lang, "description", `<img src=x onerror=alert(1)> nothing happened`);
      await next(page, lang);
      await type(page, lang, "wanted", "A reply");
      await pick(page, lang, "representative-no");
      // A program renamed .pdf, then a file over 5 MB: refused, nothing kept.
      await page.locator("#files").setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: fixture("program-renamed.pdf") });
      await page.getByRole("button", { name: t.upload, exact: true }).click();
      await expect(page.locator(".govuk-error-summary")).toContainText(t.errors.wrongType("letter.pdf"));
      await check(page);
      const big = Buffer.alloc(6 * 1024 * 1024);
      big.write("%PDF-1.7\n");
      await page.locator("#files").setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: big });
      await page.getByRole("button", { name: t.upload, exact: true }).click();
      await expect(page.locator(".govuk-error-summary")).toContainText(t.errors.tooLarge);
      await expect(page.getByTestId("no-files")).toBeVisible();
      if (jsEnabled()) {
        // Nothing ran from the text: no dialog opened while the script-like text was shown.
        let dialogs = 0;
        page.on("dialog", (d) => {
          dialogs++;
          void d.dismiss();
        });
        await page.goto(inLang(lang, "/concerns/result"));
        expect(dialogs).toBe(0);
      }
    });
  });
}
