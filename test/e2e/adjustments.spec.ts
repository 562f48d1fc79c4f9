// Service adjustments end to end, in English and Welsh, with JavaScript on and off: a request for
// large print and phone calls, agreed by a manager, flagged on the customer's case and listed as a
// review coming due; and a declined request with its reasons and alternatives.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Page } from "@playwright/test";
import { escapeRegExp, expect, expectNoAxeViolations, inLang, LANGS, mailDir, newQuestion, sendQuestion, test, unique, type Lang } from "./fixtures";

/** Visible texts, copied from locales/{en,cy}/adjustments.json and staff-adjustments.json. */
const T = {
  en: {
    start: "Ask for a change to how we work with you",
    startButton: "Start now",
    needs: "What would help you?",
    needsRequired: "Select what would help you, or tell us in the box for anything else",
    more: "Tell us more about what you need",
    duration: "Is this for one conversation, or for every time we deal with you?",
    case: "Do you have a case reference?",
    caseUnknown: "We cannot find a case with that reference. Check it, or leave it blank",
    difficulty: "What do you find hard when dealing with us?",
    contact: "Your contact details",
    reply: "How should we tell you our decision?",
    check: "Check your answers before sending your request",
    largePrint18: "Large print, 18 point",
    phone: "Phone calls instead of writing",
    confirmation: "Request sent",
    due: "We will reply within 48 hours, by",
    agreed: "Agreed",
    declined: "Declined",
    flagBanner: "This customer has flags you must check before you contact them",
    reasonableAdjustment: "Reasonable adjustment",
    reviewsHeading: "Reviews coming due",
    ackSubject: "We have received your request for a change to how we work with you",
    decisionAgreed: "We have agreed to your request. We will:",
    decisionDeclined: "We are sorry, but we cannot agree to your request.",
    complain: "You have the right to complain about this decision",
  },
  cy: {
    start: "Gofyn am newid i sut rydym yn gweithio gyda chi",
    startButton: "Dechrau nawr",
    needs: "Beth fyddai’n eich helpu chi?",
    needsRequired: "Dewiswch beth fyddai’n eich helpu, neu dywedwch wrthym yn y blwch ar gyfer unrhyw beth arall",
    more: "Dywedwch fwy wrthym am yr hyn sydd ei angen arnoch",
    duration: "Ai ar gyfer un sgwrs mae hyn, neu ar gyfer pob tro rydym yn delio â chi?",
    case: "Oes gennych chi gyfeirnod achos?",
    caseUnknown: "Ni allwn ddod o hyd i achos gyda’r cyfeirnod hwnnw. Gwiriwch ef, neu gadewch ef yn wag",
    difficulty: "Beth sy’n anodd i chi wrth ddelio â ni?",
    contact: "Eich manylion cyswllt",
    reply: "Sut dylem ni roi gwybod i chi am ein penderfyniad?",
    check: "Gwirio eich atebion cyn anfon eich cais",
    largePrint18: "Print mawr, 18 pwynt",
    phone: "Galwadau ffôn yn lle ysgrifennu",
    confirmation: "Cais wedi’i anfon",
    due: "Byddwn yn ateb o fewn 48 awr, erbyn",
    agreed: "Wedi’i gytuno",
    declined: "Wedi’i wrthod",
    flagBanner: "Mae gan y cwsmer hwn faneri y mae’n rhaid i chi eu gwirio cyn cysylltu â’r cwsmer",
    reasonableAdjustment: "Addasiad rhesymol",
    reviewsHeading: "Adolygiadau i’w cwblhau cyn hir",
    ackSubject: "Rydym wedi cael eich cais am newid i sut rydym yn gweithio gyda chi",
    decisionAgreed: "Rydym wedi cytuno i’ch cais. Byddwn yn:",
    decisionDeclined: "Mae’n ddrwg gennym, ond ni allwn gytuno i’ch cais.",
    complain: "Mae gennych hawl i gwyno am y penderfyniad hwn",
  },
} as const;

const submit = (page: Page) => page.locator("main form button[type=submit]").last().click();

async function expectPage(page: Page, lang: Lang, path: string, heading: string) {
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(inLang(lang, path))}(\\?|$)`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
  await expectNoAxeViolations(page);
}

/** An email sent to this address whose parsed form passes the test (the mail worker sends just after the response). */
async function mailTo(address: string, test: (mail: ParsedMail) => boolean): Promise<ParsedMail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    let files: string[] = [];
    try {
      files = readdirSync(mailDir).filter((f) => f.endsWith(".eml"));
    } catch {
      // the folder appears with the first email
    }
    for (const file of files) {
      const content = readFileSync(path.join(mailDir, file), "utf8");
      if (!content.includes(address)) continue;
      const mail = await simpleParser(content);
      if (test(mail)) return mail;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no matching email to ${address}`);
}

/** The public journey for large print (18 point) and phone calls, email reply; returns the reference. */
async function requestLargePrintAndPhone(page: Page, lang: Lang, who: { name: string; email: string; caseReference?: string }) {
  const t = T[lang];
  await page.goto(inLang(lang, "/adjustments"));
  await expectPage(page, lang, "/adjustments", t.start);
  await page.getByRole("button", { name: t.startButton }).click();
  await expectPage(page, lang, "/adjustments/needs", t.needs);

  // Nothing chosen and no "other" text: a clear message, in the summary and by the boxes.
  await submit(page);
  await expect(page.locator(".govuk-error-summary")).toContainText(t.needsRequired);
  await expect(page.locator("#needs-error")).toContainText(t.needsRequired);
  await expectNoAxeViolations(page);

  await page.locator("input[name=needs][value=large_print]").check();
  await page.locator("input[name=needs][value=phone_not_writing]").check();
  await submit(page);
  await expectPage(page, lang, "/adjustments/more", t.more);
  await page.locator("input[name=size][value='18']").check();
  await submit(page);
  await expectPage(page, lang, "/adjustments/duration", t.duration);
  await page.locator("input[name=duration][value=ongoing]").check();
  await submit(page);
  await expectPage(page, lang, "/adjustments/case", t.case);
  await page.locator("#caseReference").fill("RFA0099999");
  await submit(page);
  await expect(page.locator(".govuk-error-summary")).toContainText(t.caseUnknown);
  await expect(page.locator("#caseReference")).toHaveValue("RFA0099999");
  await expectNoAxeViolations(page);
  await page.locator("#caseReference").fill(who.caseReference ?? "");
  await submit(page);
  await expectPage(page, lang, "/adjustments/about-you", t.difficulty);
  await submit(page);
  await expectPage(page, lang, "/adjustments/contact", t.contact);
  await page.locator("#name").fill(who.name);
  await page.locator("#email").fill(who.email);
  await submit(page);
  await expectPage(page, lang, "/adjustments/reply", t.reply);
  await page.locator("input[name=replyBy][value=email]").check();
  await submit(page);
  await expectPage(page, lang, "/adjustments/check", t.check);
  await expect(page.locator("[data-row=needs]")).toContainText(t.largePrint18);
  await expect(page.locator("[data-row=needs]")).toContainText(t.phone);
  await submit(page);
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(inLang(lang, "/adjustments/confirmation"))}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.confirmation);
  await expect(page.getByTestId("due")).toContainText(t.due);
  await expectNoAxeViolations(page);
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  expect(reference).toMatch(/^ADJ\d{7}$/);
  return reference;
}

/** A London date some days ahead, as day / month / year strings. */
function daysAhead(days: number) {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(new Date(Date.now() + days * 86_400_000));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: get("day"), month: get("month"), year: get("year") };
}

for (const lang of LANGS) {
  const t = T[lang];
  // Whole journeys with an axe scan of every page: longer than the default minute on 2 shared cores.
  test.describe.configure({ timeout: 240_000 });

  // Each with JavaScript and without in one language, without only in the other: both languages
  // and both ways are covered by the pair.
  test(`large print and phone calls, agreed, flagged on the customer's case and listed for review (${lang}) ${lang === "en" ? "@no-js" : "@js-off-only"}`, async ({ page, staffPage }) => {
    // The customer already has a case, so there is a case page to carry the flag.
    const question = newQuestion("adj");
    const caseReference = await sendQuestion(page, lang, question);
    const reference = await requestLargePrintAndPhone(page, lang, { name: question.name, email: question.email, caseReference });

    const ack = await mailTo(question.email, (m) => (m.subject ?? "").includes(reference));
    expect(ack.subject).toContain(t.ackSubject);
    expect(ack.html).toContain("font-size:18pt");
    expect(ack.text).toContain(t.largePrint18);

    // A manager agrees it, with a review in 20 days.
    await staffPage.goto(inLang(lang, `/staff/adjustments/${reference}`));
    await expect(staffPage.getByRole("heading", { level: 1 })).toContainText(reference);
    await expectNoAxeViolations(staffPage);
    await staffPage.getByTestId("decide").click();
    await expect(staffPage).toHaveURL(new RegExp(`/staff/adjustments/${reference}/decide$`));
    await expectNoAxeViolations(staffPage);
    await staffPage.locator("input[name=outcome][value=agree_all]").check();
    const review = daysAhead(20);
    await staffPage.locator("#reviewOn-day").fill(review.day);
    await staffPage.locator("#reviewOn-month").fill(review.month);
    await staffPage.locator("#reviewOn-year").fill(review.year);
    await staffPage.locator("main form button[type=submit]").last().click();
    await expect(staffPage).toHaveURL(new RegExp(`/staff/adjustments/${reference}\\?saved=1$`));
    await expect(staffPage.getByTestId("status")).toHaveText(t.agreed);
    await expectNoAxeViolations(staffPage);

    // The flag shows as the banner on that customer's case.
    await staffPage.goto(inLang(lang, `/staff/cases/${caseReference}`));
    const banner = staffPage.getByTestId("flag-banner");
    await expect(banner).toContainText(t.flagBanner);
    await expect(banner).toContainText(t.reasonableAdjustment);
    await expect(banner).toContainText(t.largePrint18);
    await expect(banner).toContainText(t.phone);
    await expect(banner.getByRole("link", { name: reference })).toBeVisible();
    await expectNoAxeViolations(staffPage);

    // And the review coming due is listed on the register.
    await staffPage.goto(inLang(lang, "/staff/adjustments?review=1"));
    await expect(staffPage.getByRole("heading", { name: t.reviewsHeading })).toBeVisible();
    await expect(staffPage.locator(`[data-list=reviews] [data-reference=${reference}]`)).toBeVisible();
    await expect(staffPage.locator(`[data-testid=register] [data-reference=${reference}]`)).toContainText(t.agreed);
    await expectNoAxeViolations(staffPage);

    // The decision reaches the customer separately from the case, in their language and large print.
    const decision = await mailTo(question.email, (m) => (m.text ?? "").includes(t.decisionAgreed));
    // Tagged with the request's own reference (replies join the request), never the case's.
    expect(decision.subject).toContain(`[Ref. ${reference}]`);
    expect((decision.subject ?? "").match(/\[Ref\./g)).toHaveLength(1);
    expect(decision.html).toContain("font-size:18pt");
    expect(decision.headers.get("content-language")).toBe(lang === "cy" ? "cy" : "en-GB");

    // The customer's own page for the request (/track/record/…, from the /track link) passes axe.
    await page.goto(inLang(lang, "/track"));
    await page.locator("#reference").fill(reference);
    await page.locator("#email").fill(question.email);
    await page.locator("main form button[type=submit]").click();
    await expect(page.getByTestId("track-link-sent")).toBeVisible();
    const link = await mailTo(question.email, (m) => /\/track\/record\//.test(m.text ?? ""));
    await page.goto(new URL(/https?:\/\/\S+\/track\/record\/[A-Za-z0-9_-]+/.exec(link.text ?? "")![0]).pathname);
    await expect(page.getByTestId("record-status")).toBeVisible();
    await expect(page.getByTestId("sent").first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test(`a declined request shows its reasons and what we can do, in the register and the decision email (${lang}) ${lang === "cy" ? "@no-js" : "@js-off-only"}`, async ({ page, staffPage }) => {
    const id = unique("dec");
    const who = { name: `Declined Person ${id}`, email: `${id}@example.com` };
    const reference = await requestLargePrintAndPhone(page, lang, who);
    const reasons = `We cannot print at 18 point (${id}) <script>alert(1)</script>`;
    const alternatives = `Letters by email that you can enlarge (${id})`;

    await staffPage.goto(inLang(lang, `/staff/adjustments/${reference}/decide`));
    await staffPage.locator("input[name=outcome][value=decline]").check();
    await staffPage.locator("main form button[type=submit]").last().click();
    await expect(staffPage.locator(".govuk-error-summary")).toBeVisible();
    await expectNoAxeViolations(staffPage);
    await staffPage.locator("input[name=outcome][value=decline]").check();
    await staffPage.locator("#reasons").fill(reasons);
    await staffPage.locator("#alternatives").fill(alternatives);
    await staffPage.locator("main form button[type=submit]").last().click();
    await expect(staffPage).toHaveURL(new RegExp(`/staff/adjustments/${reference}\\?saved=1$`));
    await expect(staffPage.getByTestId("status")).toHaveText(t.declined);
    await expect(staffPage.locator("[data-row=reasons]")).toContainText(reasons);
    await expect(staffPage.locator("[data-row=alternatives]")).toContainText(alternatives);

    await staffPage.goto(inLang(lang, `/staff/adjustments?status=declined&who=${encodeURIComponent(who.email)}`));
    await expect(staffPage.locator(`[data-testid=register] [data-reference=${reference}]`)).toContainText(t.declined);
    await expectNoAxeViolations(staffPage);

    const decision = await mailTo(who.email, (m) => (m.text ?? "").includes(t.decisionDeclined));
    expect(decision.text).toContain(reasons);
    expect(decision.text).toContain(alternatives);
    expect(decision.text).toContain(t.complain);
    expect(decision.html).not.toContain("<script>alert(1)</script>");
  });
}
