// Shared helpers for the end-to-end tests: the server's address, an axe check, and the mail folder.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { createHash, randomBytes } from "node:crypto";
import { test as base, expect, type BrowserContextOptions, type Page } from "@playwright/test";

export const baseURL = process.env.E2E_BASE_URL!;
export const mailDir = process.env.E2E_MAIL_DIR!;

export type Lang = "en" | "cy";
export const LANGS = ["en", "cy"] as const;
type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

export const test = base.extend<
  {
    /** A page in its own browser context, signed in as the demo manager (a session shared by this worker). */
    staffPage: Page;
  },
  { managerState: StorageState }
>({
  baseURL: async ({}, use) => use(baseURL),
  // Sign in once per worker and reuse the cookies. Never sign this session out: tests that sign out use their own.
  managerState: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await signIn(page, DEMO_MANAGER);
      const state = await context.storageState();
      await context.close();
      await use(state);
    },
    { scope: "worker" },
  ],
  staffPage: async ({ browser, managerState, javaScriptEnabled }, use) => {
    const context = await browser.newContext({ baseURL, storageState: managerState, javaScriptEnabled });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});
export { expect };

/** True in the js-on project; the js-off project runs the same @no-js tests without JavaScript. */
export function jsEnabled(): boolean {
  return test.info().project.use.javaScriptEnabled !== false;
}

/** The same page in the given language: "/contact" → "/cy/contact", "/" → "/cy". */
export function inLang(lang: Lang, path: string): string {
  if (lang === "en") return path;
  return path === "/" ? "/cy" : path.startsWith("/?") ? `/cy${path.slice(1)}` : `/cy${path}`;
}

/** A token no other test (or run) will use: for names, emails and questions we then look for. */
export function unique(prefix = "e2e"): string {
  return `${prefix}${randomBytes(5).toString("hex")}`;
}

/** Escapes text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The shape of a page: its elements and the attributes axe reads, with whether each text is
 * empty but not what it says, and numbers and references in identifiers folded. Two pages of
 * the same shape get the same axe result, so each shape is scanned once per run (the workers
 * share what passed through E2E_AXE_DIR): the same template visited again with other data
 * (another reference, another name) is not re-scanned, while any change of structure, state (an
 * error summary, aria-invalid) or language is.
 */
async function pageShape(page: Page): Promise<string | null> {
  // A page still navigating has no document to read yet: then it is simply scanned.
  return page.evaluate(() => {
    if (!document.documentElement || document.querySelector("iframe")) return null; // an iframe's content is not in the shape: always scan
    const read = /^(id|for|role|class|type|lang|name|href|src|tabindex|disabled|hidden|scope|colspan|rowspan|headers|alt|title|placeholder|autocomplete|autofocus|open|aria-.*)$/;
    const fold = (v: string) => v.replace(/[0-9a-f]{6,}|[0-9]+/gi, "#");
    const walk = (n: Node): string => {
      if (n.nodeType === Node.TEXT_NODE) return n.textContent?.trim() ? "t" : "";
      if (n.nodeType !== Node.ELEMENT_NODE) return "";
      const e = n as Element;
      const attrs = [...e.attributes].filter((a) => read.test(a.name)).map((a) => `${a.name}=${a.name === "class" || a.name === "type" || a.name === "role" || a.name === "lang" ? a.value : fold(a.value)}`);
      return `<${e.tagName} ${attrs.join(" ")}>${[...e.childNodes].map(walk).join("")}</>`;
    };
    return walk(document.documentElement);
  }).catch(() => null);
}
const axeDir = process.env.E2E_AXE_DIR;
const scannedShapes = new Set<string>();
const alreadyPassed = (key: string) => scannedShapes.has(key) || (axeDir !== undefined && existsSync(path.join(axeDir, key)));

/** Tagged so in its title, a test runs only in the js-off project (playwright.config.ts). */
export const JS_OFF_ONLY = "@js-off-only";

/**
 * WCAG 2.2 AA (and the A/AA rules before it): axe must find nothing. axe.run in the page itself
 * (legacy mode: no blank page opened per scan to finish the run, which doubled each scan's cost)
 * and only violations collected; smoke.spec.ts proves the check still finds what is wrong.
 *
 * axe needs JavaScript (its run waits on timers). In the js-off project a test that also runs in
 * js-on (@no-js) is scanned there. A test that runs only without JavaScript (@js-off-only) has the
 * page it shows scanned instead: the document as the browser holds it, written unchanged into a
 * page with JavaScript at the same address (its stylesheets and images from the same server),
 * scripts left out so nothing changes it before axe reads it.
 */
export async function expectNoAxeViolations(page: Page) {
  const jsOff = test.info().project.use.javaScriptEnabled === false;
  if (jsOff && !test.info().title.includes(JS_OFF_ONLY)) return;
  const shape = await pageShape(page);
  const key = shape === null ? null : createHash("sha256").update(shape).digest("hex");
  if (key && alreadyPassed(key)) return;
  const target = jsOff ? await withJavaScript(page) : page;
  const results = await new AxeBuilder({ page: target })
    .setLegacyMode(true)
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}${jsOff ? " (as shown without JavaScript)" : ""}`).toEqual([]);
  if (key) {
    scannedShapes.add(key);
    if (axeDir) writeFileSync(path.join(axeDir, key), "");
  }
}

/**
 * One page with JavaScript per worker and origin, kept for every scan of what js-off pages show.
 * It sits on the server's origin and each scan writes the copied document into it (setContent:
 * document.open/write/close, no navigation), so stylesheets, fonts and images come from the
 * browser's cache and resolve as on the page scanned. No request interception: that disables the
 * cache, and a fresh page per scan fetched every asset again (a Welsh journey without JavaScript
 * took 101 s against 39 s for the English one with it).
 */
const scanPages = new Map<string, Promise<Page>>();
function scanPageFor(page: Page): Promise<Page> {
  const origin = new URL(page.url()).origin;
  let scanPage = scanPages.get(origin);
  if (!scanPage) {
    scanPage = (async () => {
      const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
      const copy = await context.newPage();
      // The cheapest document on that origin; each scan replaces it.
      await copy.goto(`${origin}/healthz`);
      return copy;
    })();
    scanPages.set(origin, scanPage);
  }
  return scanPage;
}
async function withJavaScript(page: Page): Promise<Page> {
  // Scripts are taken out: they never ran in the page scanned, and axe does not look at them.
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const copy = await scanPageFor(page);
  try {
    // The address of the page scanned (same origin: history only), then its document.
    await copy.evaluate((url) => history.replaceState(null, "", url), page.url());
    await copy.setContent(html, { waitUntil: "load" });
  } catch (error) {
    // A scan page left half-written is not reused.
    scanPages.delete(new URL(page.url()).origin);
    await copy.context().close();
    throw error;
  }
  return copy;
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

export async function signIn(page: Page, who = DEMO_MANAGER, lang: Lang = "en") {
  await page.goto(lang === "cy" ? "/cy/staff/sign-in" : "/staff/sign-in");
  await page.locator("#email").fill(who.email);
  await page.locator("#password").fill(who.password);
  await page.locator("form button[type=submit]").last().click();
  await page.waitForURL(/\/staff(\?|$)/);
}

/** Fills the sign-in form on the page already open (for example after a redirect with returnTo) and sends it. */
export async function fillSignIn(page: Page, who: { email: string; password: string }) {
  await page.locator("#email").fill(who.email);
  await page.locator("#password").fill(who.password);
  await page.locator("main form button[type=submit]").click();
}

/** The parts of a written .eml file the tests look at, with headers unfolded and decoded. */
export type ParsedEmail = { subject: string; to: string; contentLanguage: string; text: string };

export function parseEmail(raw: string): ParsedEmail {
  const normalised = raw.replace(/\r\n/g, "\n");
  const split = normalised.indexOf("\n\n");
  const head = normalised.slice(0, split).replace(/\n[ \t]+/g, " ");
  const body = normalised.slice(split + 2);
  const header = (name: string) => {
    const match = new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head);
    return match ? decodeWords(match[1].trim()) : "";
  };
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  let text = body;
  if (encoding === "quoted-printable") text = decodeQuotedPrintable(body);
  else if (encoding === "base64") text = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return { subject: header("Subject"), to: header("To"), contentLanguage: header("Content-Language"), text };
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const soft = value.replace(/=\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The first email whose decoded form passes the test (e.g. sent to this test's unique address). */
export async function findParsedEmail(predicate: (mail: ParsedEmail) => boolean, timeoutMs = 10_000): Promise<ParsedEmail> {
  return parseEmail(await findEmail((raw) => predicate(parseEmail(raw)), timeoutMs));
}

export type Question = { question: string; name: string; email: string };

/** A question, name and email address that are this test's alone. */
export function newQuestion(label = "q"): Question {
  const id = unique(label);
  return { question: `Can my landlord share my details? (${id})`, name: `Test Person ${id}`, email: `${id}@example.com` };
}

/** Goes from /contact to the check-answers page, entering the answers on the way. */
export async function answerQuestion(page: Page, lang: Lang, answers: Question) {
  await page.goto(inLang(lang, "/contact"));
  await page.locator("#question").fill(answers.question);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(inLang(lang, "/contact/details"))}$`));
  await page.locator("#name").fill(answers.name);
  await page.locator("#email").fill(answers.email);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(inLang(lang, "/contact/check"))}$`));
}

/** The whole general-question journey; returns the reference from the confirmation page. */
export async function sendQuestion(page: Page, lang: Lang, answers: Question): Promise<string> {
  await answerQuestion(page, lang, answers);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(inLang(lang, "/contact/confirmation"))}$`));
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  expect(reference).toMatch(/^ENQ\d{7}$/);
  return reference;
}

/** Visible texts the tests look for, copied from locales/{en,cy}/*.json (so a missing or wrong translation fails). */
export const TEXT = {
  en: {
    htmlLang: "en-GB",
    skipLink: "Skip to main content",
    switchTo: "Cymraeg",
    footer: ["Accessibility statement", "Privacy notice", "Cookies", "Contact us", "Staff sign in"],
    errorSummary: "There is a problem",
    errorPrefix: "Error:",
    notFound: "Page not found",
    notFoundHome: "Go to the home page",
    pages: {
      "/": "Get help with your information rights",
      "/contact": "What is your question?",
      "/concerns": "Raise a concern",
      "/report-nuisance": "Report nuisance calls and spam",
      "/adjustments": "Ask for a change to how we work with you",
      "/chat": "Chat to an adviser",
      "/track": "Check the progress of your case",
      "/accessibility": "Accessibility statement",
      "/privacy": "Privacy notice",
      "/cookies": "Cookies",
      "/complain": "Complain about our service",
      "/staff/sign-in": "Staff sign in",
    } as Record<string, string>,
    contact: {
      questionTitle: "What is your question?",
      detailsTitle: "How should we reply to you?",
      checkTitle: "Check your answers before sending your question",
      confirmationTitle: "Question sent",
      continue: "Continue",
      submit: "Send question",
      questionRequired: "Enter your question",
      questionTooLong: "Your question must be 2,000 characters or fewer",
      nameRequired: "Enter your name",
      emailRequired: "Enter your email address",
      emailInvalid: "Enter an email address in the correct format, like name@example.com",
      changeQuestion: "Change your question",
      changeName: "Change your name",
      changeEmail: "Change your email address",
      languageName: "English",
      emailSent: (email: string) => `We have sent a confirmation email to ${email}.`,
      emailSubject: "We have received your question [Ref. ",
    },
    staff: {
      signInTitle: "Staff sign in",
      invalid: "The email address or password is not right",
      signedOut: "You have been signed out.",
      signOut: "Sign out",
      dashboardTitle: "Dashboard",
      casesTitle: "Cases",
      filterLabel: "Work queue",
      filter: "Show cases",
      queue1: "Advice: written advice (web form)",
      caseType: "Advice request",
      customer: "Customer",
      language: { en: "English", cy: "Welsh" },
      languageLabel: "Language",
      clocks: ["Acknowledge", "In work queue", "Under way (customer contacted)", "Answered", "Closed"],
      clockStates: ["Met", "Missed", "Overdue", "Due soon", "On time"],
      events: ["Case created", "Acknowledgement email queued", "Added to work queue"],
      partiesHeading: "Parties",
      clocksHeading: "Service-level clocks",
      timelineHeading: "Timeline",
      flagBanner: "This customer has flags you must check before you contact them",
      reasonableAdjustment: "Reasonable adjustment",
      welshTag: "Welsh",
    },
  },
  cy: {
    htmlLang: "cy",
    skipLink: "Neidio i’r prif gynnwys",
    switchTo: "English",
    footer: ["Datganiad hygyrchedd", "Hysbysiad preifatrwydd", "Cwcis", "Cysylltu â ni", "Mewngofnodi staff"],
    errorSummary: "Mae problem wedi codi",
    errorPrefix: "Gwall:",
    notFound: "Heb ddod o hyd i’r dudalen",
    notFoundHome: "Mynd i’r hafan",
    pages: {
      "/": "Cael help gyda’ch hawliau gwybodaeth",
      "/contact": "Beth yw eich cwestiwn?",
      "/concerns": "Codi pryder",
      "/report-nuisance": "Rhoi gwybod am alwadau niwsans a sbam",
      "/adjustments": "Gofyn am newid i sut rydym yn gweithio gyda chi",
      "/chat": "Sgwrsio â chynghorydd",
      "/track": "Gwirio cynnydd eich achos",
      "/accessibility": "Datganiad hygyrchedd",
      "/privacy": "Hysbysiad preifatrwydd",
      "/cookies": "Cwcis",
      "/complain": "Cwyno am ein gwasanaeth",
      "/staff/sign-in": "Mewngofnodi staff",
    } as Record<string, string>,
    contact: {
      questionTitle: "Beth yw eich cwestiwn?",
      detailsTitle: "Sut dylem ni eich ateb?",
      checkTitle: "Gwirio eich atebion cyn anfon eich cwestiwn",
      confirmationTitle: "Cwestiwn wedi’i anfon",
      continue: "Parhau",
      submit: "Anfon cwestiwn",
      questionRequired: "Rhowch eich cwestiwn",
      questionTooLong: "Rhaid i’ch cwestiwn fod yn 2,000 o nodau neu lai",
      nameRequired: "Rhowch eich enw",
      emailRequired: "Rhowch eich cyfeiriad e-bost",
      emailInvalid: "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com",
      changeQuestion: "Newid eich cwestiwn",
      changeName: "Newid eich enw",
      changeEmail: "Newid eich cyfeiriad e-bost",
      languageName: "Cymraeg",
      emailSent: (email: string) => `Rydym wedi anfon e-bost cadarnhau at ${email}.`,
      emailSubject: "Rydym wedi cael eich cwestiwn [Ref. ",
    },
    staff: {
      signInTitle: "Mewngofnodi staff",
      invalid: "Mae’r cyfeiriad e-bost neu’r cyfrinair yn anghywir",
      signedOut: "Rydych wedi allgofnodi.",
      signOut: "Allgofnodi",
      dashboardTitle: "Dangosfwrdd",
      casesTitle: "Achosion",
      filterLabel: "Ciw gwaith",
      filter: "Dangos achosion",
      queue1: "Cyngor: cyngor ysgrifenedig (ffurflen we)",
      caseType: "Cais am gyngor",
      customer: "Cwsmer",
      language: { en: "Saesneg", cy: "Cymraeg" },
      languageLabel: "Iaith",
      clocks: ["Cydnabod", "Mewn ciw gwaith", "Ar waith (cysylltwyd â’r cwsmer)", "Wedi’i ateb", "Wedi cau"],
      clockStates: ["Wedi’i gyrraedd", "Wedi’i fethu", "Yn hwyr", "I’w gwblhau cyn hir", "Ar amser"],
      events: ["Achos wedi’i greu", "E-bost cydnabod wedi’i roi yn y ciw anfon", "Wedi’i ychwanegu at giw gwaith"],
      partiesHeading: "Partïon",
      clocksHeading: "Clociau lefel gwasanaeth",
      timelineHeading: "Llinell amser",
      flagBanner: "Mae gan y cwsmer hwn faneri y mae’n rhaid i chi eu gwirio cyn cysylltu â’r cwsmer",
      reasonableAdjustment: "Addasiad rhesymol",
      welshTag: "Cymraeg",
    },
  },
};

/**
 * With JavaScript on, waits until React has hydrated the page and committed (staff pages opt in to
 * hydration; public pages ship no JavaScript). React Router's <ScrollRestoration> sets
 * history.scrollRestoration to "manual" in an effect, so that runs only after the commit.
 */
export async function waitForHydration(page: Page) {
  if (!jsEnabled()) return;
  await page.waitForFunction(() => history.scrollRestoration === "manual");
}

/** Month names as the app writes them (Intl, en-GB and cy): long for dates, short in date-times. */
export const MONTHS = {
  en: {
    long: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    short: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"],
  },
  cy: {
    long: ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"],
    short: ["Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"],
  },
};
