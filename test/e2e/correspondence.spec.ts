// Correspondence end to end, in English and Welsh: a case taken by staff intake; the officer sends
// a Welsh request for more information to a customer with large print agreed (a PDF at 20 point
// goes with it); the customer replies by email with a PDF through the SMTP receiver; the reply and
// its file appear on the case; the customer adds a file through the /track link.
// Runs on the shared main server when it is on PostgreSQL (CI: test/e2e/global-setup.ts, whose
// SMTP receiver is on), recording the agreed adjustment directly in its database; otherwise on a
// production server of its own on a fresh PostgreSQL database.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import pg from "pg";
import { createBenchDatabase } from "../../bench/lib/postgres";
import { freePort, startTestServer } from "../support/server";
import { DEMO_OFFICER, expect, expectNoAxeViolations, inLang, LANGS, test, unique } from "./fixtures";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://doorstep:doorstep@127.0.0.1:54329/postgres";

let server: { url: string; mailDir: string };
let db: { url: string };
let smtpPort: number;
let stop: () => Promise<void> = async () => {};

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  if (process.env.E2E_DATABASE_URL) {
    server = { url: process.env.E2E_BASE_URL!, mailDir: process.env.E2E_MAIL_DIR! };
    db = { url: process.env.E2E_DATABASE_URL };
    smtpPort = Number(process.env.E2E_SMTP_PORT);
    return;
  }
  test.setTimeout(180_000);
  const own = await createBenchDatabase(ADMIN_URL);
  smtpPort = await freePort();
  const started = await startTestServer({ DATABASE_URL: own.url, SESSION_SECRET: "e2e-correspondence-secret-e2e-correspondence", SEED_DEMO_DATA: "true", INBOUND_SMTP_PORT: String(smtpPort), MAIL_REPLY_TO: "Casework <casework@casework.test>" });
  server = started;
  db = own;
  stop = async () => {
    await started.stop();
    await own.drop();
  };
});
test.afterAll(async () => {
  await stop();
});

async function findMail(predicate: (m: ParsedMail) => boolean, timeoutMs = 20_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let files: string[] = [];
    try {
      files = readdirSync(server.mailDir).filter((f) => f.endsWith(".eml")).sort().reverse();
    } catch {
      // not yet
    }
    for (const f of files) {
      const mail = await simpleParser(readFileSync(path.join(server.mailDir, f)));
      if (predicate(mail)) return mail;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("no matching email was written");
}

for (const lang of LANGS) {
  test(`officer writes in Welsh with large print, customer replies by email and adds a file (${lang})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const customerEmail = `${unique("cust")}@example.com`;
    const name = unique("Nia");

    // Staff intake: an RFA by email, in Welsh.
    await page.goto(inLang(lang, "/staff/sign-in"));
    await page.locator("#email").fill(DEMO_OFFICER.email);
    await page.locator("#password").fill(DEMO_OFFICER.password);
    await page.locator("form button[type=submit]").last().click();
    await page.waitForURL(/\/staff(\?|$)/);
    await page.goto(inLang(lang, "/staff/intake"));
    await expectNoAxeViolations(page);
    await page.locator("#type").selectOption("RFA");
    await page.locator("#channel").selectOption("email");
    await page.locator("#language").selectOption("cy");
    await page.locator("#name").fill(name);
    await page.locator("#email").fill(customerEmail);
    await page.locator("#summary").fill("Rhannodd y cyngor fy nghyfeiriad");
    await page.getByRole("button", { name: lang === "cy" ? "Creu achos" : "Create case" }).click();
    await page.waitForURL(/\/staff\/cases\/RFA\d{7}$/);
    const reference = /RFA\d{7}/.exec(page.url())![0];

    // The customer's agreed adjustment: large print, 20 point.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const party = await client.query(`SELECT id FROM "Party" WHERE "emailNormalised" = $1`, [customerEmail]);
    await client.query(
      `INSERT INTO "AdjustmentRequest" (id, reference, status, language, "correspondenceLanguage", needs, "agreedNeeds", "partyId", "receivedAt", "decisionDueAt", "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'agreed', 'cy', 'cy', '[{"code":"large_print","size":"20"}]', '["large_print"]', $2, now(), now(), now(), now())`,
      [`ADJ${String(Date.now() % 10_000_000).padStart(7, "0")}`, party.rows[0].id],
    );
    await client.end();

    // Officers write only on cases allocated to them: the officer takes the new case first.
    await page.getByRole("button", { name: lang === "cy" ? "Cymryd yr achos hwn" : "Take this case" }).click();
    await page.waitForURL(/done=take/);

    // The officer writes: request for more information, in Welsh, by email.
    await page.getByTestId("write-link").click();
    await expect(page.getByTestId("large-print")).toContainText("20");
    await page.locator("#template").selectOption("more_information");
    await page.locator("#languages").selectOption("cy");
    await page.locator("#channel").selectOption("email");
    await page.locator("main form[method=get] button[type=submit]").click();
    await expect(page.locator("#subject_cy")).toHaveValue(`Mae angen mwy o wybodaeth arnom am eich achos [Ref. ${reference}]`);
    await page.locator("#body_cy").fill(`Annwyl ${name},\n\nAnfonwch gopi o’r llythyr gan y cyngor.\n\nYn gywir,\nOlu`);
    await expectNoAxeViolations(page);
    await page.locator("#write-form button[type=submit]").click();
    await expect(page).toHaveURL(/done=sent/, { timeout: 30_000 });
    await expect(page.getByRole("status")).toContainText(lang === "cy" ? "Mae’r e-bost yn aros" : "Email queued");

    const sent = await findMail((m) => (m.subject ?? "").includes(`[Ref. ${reference}]`) && (m.subject ?? "").startsWith("Mae angen"));
    expect(sent.replyTo?.text).toContain("casework@casework.test");
    expect(sent.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
    expect(sent.text).toContain("Anfonwch gopi o’r llythyr");

    // The customer replies by email (through the SMTP receiver) with a PDF, keeping only In-Reply-To.
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: `${name} <${customerEmail}>`, to: "casework@casework.test", subject: `Re: eich llythyr – ${name}`, inReplyTo: sent.messageId, references: [sent.messageId!], text: "Dyma’r llythyr.", attachments: [{ filename: "llythyr-y-cyngor.pdf", content: PDF }] });
    transport.close();

    // It is on the case, with its file, and acknowledged once with the reference.
    await page.goto(inLang(lang, `/staff/cases/${reference}`));
    await expect(page.locator('[data-kind="correspondence_in"]')).toHaveCount(1);
    await page.goto(inLang(lang, "/staff/mail?list=joined"));
    await page.getByRole("link", { name: `Re: eich llythyr – ${name}` }).click();
    await expect(page.getByTestId("mail-text")).toContainText("Dyma’r llythyr.");
    await expect(page.getByTestId("mail-files")).toContainText("llythyr-y-cyngor.pdf");
    await expectNoAxeViolations(page);
    const ack = await findMail((m) => (m.subject ?? "").startsWith("Rydym wedi cael eich neges") && (m.subject ?? "").includes(reference));
    expect(ack.to && "text" in ack.to ? ack.to.text : "").toContain(customerEmail);

    // The customer asks for the tracking link and adds a file through it.
    const customer = await browser.newContext({ baseURL: server.url });
    const cpage = await customer.newPage();
    await cpage.goto(inLang(lang, "/track"));
    await cpage.locator("#reference").fill(reference);
    await cpage.locator("#email").fill(customerEmail);
    await cpage.locator("main form button[type=submit]").click();
    await expect(cpage.getByTestId("track-link-sent")).toBeVisible();
    const link = await findMail((m) => (m.subject ?? "").includes(reference) && (m.text ?? "").includes("/track/case/"));
    const url = /https?:\/\/[^\s]+\/track\/case\/[A-Za-z0-9_-]+/.exec(link.text ?? "")![0];
    await cpage.goto(new URL(url).pathname);
    await expect(cpage.locator("main")).toContainText("Anfonwch gopi o’r llythyr");
    await expectNoAxeViolations(cpage);
    await cpage.locator("#message").fill("Un ddogfen arall");
    await cpage.locator("#files").setInputFiles({ name: "ail-lythyr.pdf", mimeType: "application/pdf", buffer: PDF });
    await cpage.locator("main form button[type=submit]").click();
    await cpage.waitForURL(/added=1/);
    await expect(cpage.getByTestId("added")).toContainText("Un ddogfen arall");

    await page.goto(inLang(lang, `/staff/cases/${reference}`));
    await expect(page.locator('[data-kind="correspondence_in"]')).toHaveCount(2);
    await customer.close();
    await context.close();
  });
}
