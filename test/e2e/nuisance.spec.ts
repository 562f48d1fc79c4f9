// Nuisance reporting end to end, in English and Welsh: several calls and a text in one report with
// JavaScript on, two calls with JavaScript off (only: the same public pages, which ship no script
// but the chat launcher), and a staff member who finds the repeat offender
// those reports made, exports the evidence and opens an ELE case. axe on every page visited.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, inLang, LANGS, test, unique, type Lang } from "./fixtures";

/** Visible texts, copied from locales/{en,cy}/nuisance.json and staff-nuisance.json. */
const T = {
  en: {
    start: "Report nuisance calls and spam",
    startNow: "Start now",
    kind: "What do you want to report?",
    liveCall: "A live sales call",
    text: "A text message",
    add: "Add to report",
    addedTwo: "You have added 2 calls or messages",
    another: "Yes, add another",
    noMore: "No, I have added them all",
    about: "About you",
    tpsNo: "No",
    consentNo: "No",
    askedYes: "Yes",
    yourDetails: "Your details",
    replyNo: "No",
    check: "Check your answers before sending your report",
    send: "Send report",
    sent: "Report sent",
    tpsAdvice: "Register with the Telephone Preference Service",
    textAdvice: "Forward spam texts to 7726",
    offenders: "Repeat nuisance offenders",
    openCase: "Open case",
    exportOne: "Export this offender’s evidence (CSV)",
    searchLabel: "Search",
    groupBy: "Group by",
    apply: "Apply filters",
  },
  cy: {
    start: "Rhoi gwybod am alwadau niwsans a sbam",
    startNow: "Dechrau nawr",
    kind: "Am beth ydych chi eisiau rhoi gwybod?",
    liveCall: "Galwad werthu gan berson",
    text: "Neges destun",
    add: "Ychwanegu at yr adroddiad",
    addedTwo: "Rydych wedi ychwanegu 2 galwad neu neges",
    another: "Ydw, ychwanegu un arall",
    noMore: "Na, rydw i wedi’u hychwanegu i gyd",
    about: "Amdanoch chi",
    tpsNo: "Nac ydy",
    consentNo: "Na",
    askedYes: "Do",
    yourDetails: "Eich manylion",
    replyNo: "Na",
    check: "Gwirio eich atebion cyn anfon eich adroddiad",
    send: "Anfon yr adroddiad",
    sent: "Adroddiad wedi’i anfon",
    tpsAdvice: "Cofrestru gyda’r Gwasanaeth Dewis Ffôn",
    textAdvice: "Anfon negeseuon testun sbam ymlaen i 7726",
    offenders: "Tramgwyddwyr niwsans mynych",
    openCase: "Agor achos",
    exportOne: "Allforio tystiolaeth y tramgwyddwr hwn (CSV)",
    searchLabel: "Chwilio",
    groupBy: "Grwpio yn ôl",
    apply: "Defnyddio’r hidlyddion",
  },
} as const;

async function chooseKind(page: Page, lang: Lang, kind: "liveCall" | "text") {
  await expect(page.locator("h1")).toHaveText(new RegExp(lang === "en" ? "What do you want to report" : "Am beth ydych chi eisiau rhoi gwybod"));
  await expectNoAxeViolations(page);
  await page.getByLabel(T[lang][kind], { exact: true }).check();
  await page.locator("main form button[type=submit]").click();
}

/** One contact page: today's date is already there; no exact time; the number as typed. */
async function fillContact(page: Page, lang: Lang, c: { from: string; company: string; message?: string }) {
  await expect(page.locator("#date-day")).not.toHaveValue("");
  await expectNoAxeViolations(page);
  await page.locator("#timeUnknown").check();
  await page.locator("#from").fill(c.from);
  await page.locator("#company").fill(c.company);
  await page.locator("#topic-2").check();
  if (c.message) await page.locator("#message").fill(c.message);
  await page.getByRole("button", { name: T[lang].add }).click();
}

async function addAnother(page: Page, lang: Lang) {
  await expectNoAxeViolations(page);
  await page.getByLabel(T[lang].another).check();
  await page.locator("main form button[type=submit]").click();
}

async function finishReport(page: Page, lang: Lang) {
  await expectNoAxeViolations(page);
  await page.getByLabel(T[lang].noMore).check();
  await page.locator("main form button[type=submit]").click();
  await expect(page.locator("h1")).toHaveText(T[lang].about);
  await expectNoAxeViolations(page);
  await page.locator("#tps-2").check();
  await page.locator("#consent").check();
  await page.locator("#askedToStop").check();
  await page.locator("main form button[type=submit]").click();
  await expect(page.locator("h1")).toHaveText(T[lang].yourDetails);
  await expectNoAxeViolations(page);
  await page.locator("#wantsReply-2").check();
  await page.locator("main form button[type=submit]").click();
  await expect(page.locator("h1")).toHaveText(T[lang].check);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: T[lang].send }).click();
  await expect(page.locator("h1")).toHaveText(T[lang].sent);
  await expectNoAxeViolations(page);
  return (await page.getByTestId("reference").textContent())!;
}

/** The same caller typed three ways, and a unique company name so the staff test finds just these. */
const numberFor = (token: string) => {
  const digits = String(parseInt(token.slice(-6), 16) % 1000).padStart(3, "0");
  return { ways: [`01632 960${digits}`, `+44 1632 960${digits}`, `(01632) 960-${digits}`], national: `01632 960${digits}` };
};

for (const lang of LANGS) {
  test(`${lang}: report three calls and a text in one report`, async ({ page }) => {
    // Four contacts and axe on a dozen pages: more than the default minute on a busy machine.
    test.slow();
    const token = unique("n");
    const company = `Solar ${token} Ltd`;
    const number = numberFor(token);
    await page.goto(inLang(lang, "/report-nuisance"));
    await expect(page.locator("h1")).toHaveText(T[lang].start);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: T[lang].startNow }).click();
    for (const [i, from] of number.ways.entries()) {
      await chooseKind(page, lang, "liveCall");
      await fillContact(page, lang, { from, company: i === 1 ? `SOLAR ${token.toUpperCase()} LIMITED` : company });
      await expect(page.getByTestId("contact-card")).toHaveCount(i + 1);
      await addAnother(page, lang);
    }
    await chooseKind(page, lang, "text");
    await expect(page.getByTestId("contacts-so-far")).toContainText(number.ways[0]!);
    await fillContact(page, lang, { from: "07700 900555", company: "", message: "WIN <b>now</b>" });
    await expect(page.getByTestId("contact-card")).toHaveCount(4);
    const reference = await finishReport(page, lang);
    expect(reference).toMatch(/^NUI\d{7}$/);
    await expect(page.getByRole("heading", { name: T[lang].tpsAdvice })).toBeVisible();
    await expect(page.getByRole("heading", { name: T[lang].textAdvice })).toBeVisible();
  });

  test(`${lang}: report two calls @js-off-only`, async ({ page }) => {
    test.slow();
    const token = unique("n");
    const number = numberFor(token);
    await page.goto(inLang(lang, "/report-nuisance/kind"));
    await chooseKind(page, lang, "liveCall");
    await fillContact(page, lang, { from: number.ways[0]!, company: `Boiler ${token}` });
    await addAnother(page, lang);
    await chooseKind(page, lang, "liveCall");
    await fillContact(page, lang, { from: "Number withheld", company: `Boiler ${token}` });
    await expect(page.locator("h1")).toHaveText(T[lang].addedTwo);
    const reference = await finishReport(page, lang);
    expect(reference).toMatch(/^NUI\d{7}$/);
  });

  test(`${lang}: staff find the repeat offender, export the evidence and open an ELE case`, async ({ page: publicPage, staffPage: page }) => {
    test.slow();
    const token = unique("n");
    const number = numberFor(token);
    // Two reports from the public about the same caller, typed differently.
    for (const from of [number.ways[0]!, number.ways[1]!]) {
      await publicPage.goto(inLang(lang, "/report-nuisance/kind"));
      await chooseKind(publicPage, lang, "liveCall");
      await fillContact(publicPage, lang, { from, company: `Heating ${token} Ltd` });
      await finishReport(publicPage, lang);
    }
    // The manager's session this worker already holds (fixtures.ts).
    await page.goto(inLang(lang, "/staff/offenders"));
    await expect(page.locator("h1")).toHaveText(T[lang].offenders);
    await expectNoAxeViolations(page);
    await page.getByLabel(T[lang].groupBy).selectOption("company");
    await page.getByLabel(T[lang].searchLabel, { exact: true }).fill(`heating ${token}`);
    await page.getByRole("button", { name: T[lang].apply }).click();
    const row = page.locator(`[data-testid=offenders] tr[data-key="heating ${token}"]`);
    await expect(row.getByTestId("total")).toHaveText("2");
    await expectNoAxeViolations(page);
    await row.getByRole("link").click();
    await expect(page.getByTestId("offender-total")).toHaveText("2");
    await expect(page.getByTestId("weekly-chart")).toBeVisible();
    // The company was seen with one number, however it was typed.
    await expect(page.getByTestId("linked")).toContainText(number.national);
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: T[lang].exportOne }).click()]);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    expect(csv).toContain("report,received_at,kind");
    expect(csv.split("\r\n").filter((l) => l.includes(`Heating ${token} Ltd`))).toHaveLength(2);
    expect(csv).toContain("'+441632960");
    await page.getByRole("button", { name: T[lang].openCase }).click();
    await expect(page).toHaveURL(/\/staff\/cases\/ELE\d{7}$/);
    await expect(page.locator("main")).toContainText(`Heating ${token} Ltd`);
  });
}
