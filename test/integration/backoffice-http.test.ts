// Case work and /track against the real production server, as a browser without JavaScript.
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";
import { signedIn as signInAs } from "../support/staff";

const baseUrl = inject("baseUrl");
const unique = () => Math.random().toString(36).slice(2, 10);

const signedIn = (who: "officer" | "manager" | "admin" | "adviser") => signInAs(baseUrl, who);

/** A question through the public contact journey; returns its ENQ reference. */
async function askQuestion(lang: "en" | "cy", email: string) {
  const p = lang === "cy" ? "/cy" : "";
  const client = new BrowserLikeClient(baseUrl);
  await client.get(`${p}/contact`);
  await client.post(`${p}/contact`, { question: `Can my landlord share my number? ${unique()}` });
  await client.get(`${p}/contact/details`);
  await client.post(`${p}/contact/details`, { name: "Sam Tester", email });
  await client.get(`${p}/contact/check`);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(client.lastHtml)![1]!;
  await client.post(`${p}/contact/check`, { idempotencyKey: key });
  const confirmation = await client.get(`${p}/contact/confirmation`);
  return /data-testid="reference">(ENQ\d{7})</.exec(await confirmation.text())![1]!;
}

async function track(lang: "en" | "cy", reference: string, email: string) {
  const p = lang === "cy" ? "/cy" : "";
  const client = new BrowserLikeClient(baseUrl);
  await client.get(`${p}/track`);
  const res = await client.post(`${p}/track`, { reference, email });
  return { status: res.status, html: await res.text() };
}

/** A date as the kit's three boxes (`<name>-day`, `-month`, `-year`), as a browser posts them. */
const dateBoxes = (name: string, iso: string) => {
  const [year, month, day] = iso.split("-");
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
};
const marked = (html: string, id: string) => new RegExp(`class="[^"]*govuk-input--error[^"]*" id="${id}"`).test(html);

const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0].replace(/name="csrf" value="[^"]*"/, "") ?? "";

describe("case work and /track", () => {
  it("a manager allocates, the officer records a call, prepares and closes; the customer sees each stage at /track in both languages", async () => {
    const email = `track-${unique()}@example.com`;
    const reference = await askQuestion("en", email);

    let seen = await track("en", reference, email);
    expect(seen.status).toBe(200);
    expect(seen.html).toContain("We have your case and it is waiting for a case officer");
    expect(seen.html.replace(/<script src="\/widget\.js"[^>]*><\/script>/, "")).not.toContain("<script");

    const manager = await signedIn("manager");
    const page = await manager.get(`/staff/cases/${reference}`);
    expect(page.status).toBe(200);
    const officerId = /<option value="([0-9a-f-]{36})">Olu Officer<\/option>/.exec(manager.lastHtml)![1]!;
    let res = await manager.post(`/staff/cases/${reference}`, { intent: "allocate", officer: officerId });
    expect(res.headers.get("location")).toBe(`/staff/cases/${reference}?done=allocate`);

    const officer = await signedIn("officer");
    await officer.get(`/staff/cases/${reference}`);
    expect(officer.lastHtml).toContain('data-testid="case-officer">Olu Officer<');
    // An officer may not allocate or mark no further contact.
    expect((await officer.post(`/staff/cases/${reference}`, { intent: "allocate", officer: officerId })).status).toBe(403);
    await officer.get(`/staff/cases/${reference}`);
    // Validation: an empty contact summary is refused with a message.
    res = await officer.post(`/staff/cases/${reference}`, { intent: "contact", method: "call", direction: "out", summary: "" });
    expect(res.status).toBe(400);
    expect(officer.lastHtml).toContain("Enter a summary of the contact");
    res = await officer.post(`/staff/cases/${reference}`, { intent: "contact", method: "call", direction: "out", summary: "Called <script>alert(1)</script> about the landlord" });
    expect(res.status).toBe(302);
    await officer.post(`/staff/cases/${reference}`, { intent: "note", text: "INTERNAL: customer sounded upset" });
    res = await officer.post(`/staff/cases/${reference}`, { intent: "prepare" });
    expect(res.status).toBe(302);
    await officer.get(`/staff/cases/${reference}`);
    expect(officer.lastHtml).toContain("Called &lt;script&gt;alert(1)&lt;/script&gt; about the landlord");
    expect(officer.lastHtml).not.toContain("<script>alert(1)");

    seen = await track("cy", reference, email);
    expect(seen.html).toContain("Mae swyddog achos yn gweithio ar eich achos");
    expect(seen.html).toContain("Olu Officer");
    expect(seen.html).not.toContain("INTERNAL");
    expect(seen.html).not.toContain("landlord");

    // Close: an outcome is required and must be one of the type's.
    res = await officer.post(`/staff/cases/${reference}`, { intent: "close", outcome: "" });
    expect(res.status).toBe(400);
    expect(officer.lastHtml).toContain("Select an outcome");
    res = await officer.post(`/staff/cases/${reference}`, { intent: "close", outcome: "not_s50" });
    expect(res.status).toBe(409);
    res = await officer.post(`/cy/staff/cases/${reference}`, { intent: "close", outcome: "advice_provided" });
    expect(res.headers.get("location")).toBe(`/cy/staff/cases/${reference}?done=close`);
    await officer.get(`/cy/staff/cases/${reference}?done=close`);
    expect(officer.lastHtml).toContain("Mae’r achos wedi’i gau.");
    // Re-open is refused on the day it closed.
    res = await officer.post(`/staff/cases/${reference}`, { intent: "reopen" });
    expect(res.status).toBe(409);

    seen = await track("en", reference, email);
    expect(seen.html).toContain("Your case is closed");
    expect(seen.html).not.toContain("Advice provided");
  });

  it("answers a wrong email and an unknown reference identically, and rate-limits guessing", async () => {
    const email = `owner-${unique()}@example.com`;
    const reference = await askQuestion("en", email);
    const wrongEmail = await track("en", reference, `someone-else-${unique()}@example.com`);
    const number = Number(reference.slice(3)) + 500_000;
    const unknown = await track("en", `ENQ${String(number).padStart(7, "0")}`, email);
    expect(wrongEmail.status).toBe(404);
    expect(unknown.status).toBe(404);
    const strip = (html: string) => main(html).replace(/value="[^"]*"/g, "");
    expect(strip(wrongEmail.html)).toBe(strip(unknown.html));
    expect(wrongEmail.html).toContain("We could not find a case with that reference and email address");

    // Bad input is a validation error, not a lookup.
    const bad = await track("en", "' OR 1=1 --", "<script>@x");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Enter a case reference like RFA0012345");

    // Guessing the email for one reference: the sixth try within 15 minutes is refused, even with the right email.
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/track");
    const csrf = client.csrfToken();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.post("/track", { reference, email: `guess${i}@example.com` }, { csrf })).status);
    statuses.push((await client.post("/track", { reference, email }, { csrf })).status);
    const limited = await client.post("/track", { reference, email }, { csrf });
    expect(statuses).toEqual([404, 404, 404, 200]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await limited.text()).toContain("You have tried too many times");
  });

  it("draws the case list with few database statements beyond what any staff page costs", async () => {
    // SERVER_TIMING=true on the shared test server: each page says how many statements it ran.
    const queries = (res: Response) => Number(/db;desc="queries (\d+)"/.exec(res.headers.get("server-timing") ?? "")?.[1]);
    const manager = await signedIn("manager");
    // The demo cases have officers, and their customers flags: the page needs both for its rows.
    const control = await manager.get("/staff/cases/RFA9999999");
    for (const page of ["/staff/cases", "/staff/cases?queue=1", "/cy/staff/cases?sort=received"]) {
      const res = await manager.get(page);
      expect(res.status).toBe(200);
      expect(manager.lastHtml).toContain('data-testid="case-list"');
      // The open queues' counts (which also give the total), the page of cases with their officers
      // and flags in one statement, the officers for the filter, the audit row: 4 (it was 11 or more).
      expect(queries(res) - queries(control), page).toBeLessThanOrEqual(4);
    }
  });

  it("lists cases with counts by clock state, filters safely and exports CSV with formulas neutralised", async () => {
    const email = `csv-${unique()}@example.com`;
    const reference = await askQuestion("cy", email);
    const manager = await signedIn("manager");
    let res = await manager.get("/staff/cases?language=cy&sort=received");
    expect(res.status).toBe(200);
    expect(manager.lastHtml).toContain('data-testid="queue-counts"');
    expect(manager.lastHtml).toContain(`data-reference="${reference}"`);
    // Filters that are not known values are ignored; search text is a parameter, never SQL.
    for (const q of ["queue=1'%3B DROP TABLE \"Case\"--", "type=<script>", "officer=1 OR 1=1", "q=%27%20OR%201%3D1--", "page=-5", "sort=password"]) {
      res = await manager.get(`/staff/cases?${q}`);
      // Unknown values are dropped: either the list itself, or a redirect to the same list without them.
      if (res.status === 302) {
        expect(res.headers.get("location"), q).toMatch(/^\/staff\/cases(\?[^']*)?$/);
        expect(res.headers.get("location")).not.toMatch(/DROP|script|OR 1/);
      } else expect(res.status, q).toBe(200);
    }
    await manager.get(`/staff/cases?q=${reference}`);
    expect(manager.lastHtml).toContain(`data-reference="${reference}"`);
    expect(manager.lastHtml).toMatch(/1 case found|1 achos/);

    const csv = await manager.get(`/staff/cases.csv?q=${reference}`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe("reference,type,status,title,language,channel,work_queue,officer,received_at,opened_at,next_due_at,clock,closed_at,outcome");
    expect(text).toContain(reference);

    const anonymous = await fetch(`${baseUrl}/staff/cases.csv`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
  });
});

describe("dashboard, Welsh report and back-office pages", () => {
  it("shows managers the daily, performance, weekly and Welsh figures with tables; officers only the queues", async () => {
    const email = `dash-${unique()}@example.com`;
    await askQuestion("cy", email);
    const manager = await signedIn("manager");
    await manager.get("/cy/staff");
    for (const id of ["dashboard-queues", "dashboard-daily", "dashboard-performance", "dashboard-weekly", "dashboard-welsh"]) expect(manager.lastHtml, id).toContain(`data-testid="${id}"`);
    expect(manager.lastHtml).toContain("Achosion newydd bob dydd");
    expect(manager.lastHtml).toMatch(/Roedd [\d.]+% o’r achosion newydd/);
    expect(manager.lastHtml).toContain("<svg");
    const officer = await signedIn("officer");
    await officer.get("/staff");
    expect(officer.lastHtml).toContain('data-testid="dashboard-queues"');
    expect(officer.lastHtml).not.toContain('data-testid="dashboard-daily"');
  });

  it("counts Welsh enquiries by month and channel, as a page and as CSV; managers only", async () => {
    const manager = await signedIn("manager");
    const res = await manager.get("/staff/reports/welsh");
    expect(res.status).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    const row = new RegExp(`data-month="${month}"[\\s\\S]*?</tr>`).exec(manager.lastHtml)![0];
    const cells = [...row.matchAll(/govuk-table__cell--numeric">(\d+)</g)].map((m) => Number(m[1]));
    expect(cells[0]).toBeGreaterThan(0); // web form questions in Welsh from the tests above
    const csv = await manager.get("/staff/reports/welsh.csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("month,web_form,chat,nuisance_tool,adjustments,email,phone,staff,total");
    expect(text).toContain(`${month},${cells[0]}`);
    const officer = await signedIn("officer");
    expect((await officer.get("/staff/reports/welsh")).status).toBe(403);
    expect((await officer.get("/staff/reports/welsh.csv")).status).toBe(403);
    expect((await officer.get("/staff/dead-letters")).status).toBe(403);
    expect((await manager.get("/staff/dead-letters")).status).toBe(200);
    expect(manager.lastHtml).toContain("No webhook is configured");
    await manager.get("/staff/back-office");
    expect(manager.lastHtml).toContain("/staff/dead-letters");
    expect(manager.lastHtml).not.toContain("/staff/api-tokens");
  });
});

describe("data protection pages", () => {
  it("admins read the audit log, see the retention dry run and download a customer's data; others cannot", async () => {
    const email = `sar-${unique()}@example.com`;
    const reference = await askQuestion("en", email);
    const manager = await signedIn("manager");
    await manager.get(`/staff/cases/${reference}`); // a view, audited
    const admin = await signedIn("admin");
    let res = await admin.get("/staff/audit?action=case.view");
    expect(res.status).toBe(200);
    expect(admin.lastHtml).toContain("Morgan Manager (manager@doorstep.example)");
    expect(admin.lastHtml).toContain(reference);
    res = await admin.get("/staff/audit?action=%27%3B%20DROP%20TABLE%20x&actor=%3Cscript%3E");
    expect(res.status).toBe(200);

    res = await admin.get("/staff/retention");
    expect(res.status).toBe(200);
    expect(admin.lastHtml).toMatch(/data-testid="due-closed_cases">\d+ record/);

    await admin.get("/staff/subject-access");
    const token = admin.csrfToken();
    // First what will be released, section by section, as a page (works without JavaScript).
    res = await admin.post("/staff/subject-access", { email });
    expect(res.status).toBe(200);
    expect(admin.lastHtml).toContain('data-testid="sar-preview"');
    expect(admin.lastHtml).toContain(reference);
    expect(admin.lastHtml).toContain('action="/staff/subject-access.json"');
    await admin.post("/cy/staff/subject-access", { email });
    expect(admin.lastHtml).toContain("Beth fydd yn cael ei ryddhau");
    res = await fetch(`${baseUrl}/staff/subject-access.json`, { method: "POST", body: new URLSearchParams({ csrf: token, email: email.toUpperCase() }), headers: { cookie: admin.cookieHeader(), "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("subject-access.json");
    const copy = await res.json();
    expect(copy.person.email).toBe(email);
    expect(copy.cases.map((c: { reference: string }) => c.reference)).toContain(reference);
    expect(copy.emailsWeSent.length).toBeGreaterThan(0);
    res = await fetch(`${baseUrl}/staff/subject-access.json`, { method: "POST", body: new URLSearchParams({ csrf: token, email: `nobody-${unique()}@example.com` }), headers: { cookie: admin.cookieHeader(), "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(404);
    // Without the CSRF token: refused.
    res = await fetch(`${baseUrl}/staff/subject-access.json`, { method: "POST", body: new URLSearchParams({ email }), headers: { cookie: admin.cookieHeader(), "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(403);
    // The audit rows name whose data it was (their party id), never "found" or the address.
    await admin.get("/staff/audit?action=subject_access.export");
    const log = /<table[\s\S]*?data-testid="audit-log"[\s\S]*?<\/table>/.exec(admin.lastHtml)![0];
    expect(log).toMatch(/Party [0-9a-f-]{36}/);
    expect(log).not.toContain("Party found");
    expect(log).not.toContain(email);

    for (const path of ["/staff/audit", "/staff/retention", "/staff/subject-access"]) expect((await manager.get(path)).status, path).toBe(403);
  });
});

describe("complaints about our service", () => {
  it("records an RCC from the case page, linked to the case, and refuses a late one unless a manager accepts it", async () => {
    const reference = await askQuestion("en", `rcc-${unique()}@example.com`);
    const officer = await signedIn("officer");
    await officer.get(`/staff/cases/${reference}`);
    // The date is the kit's three boxes (works in every browser, JavaScript or not).
    expect(officer.lastHtml).toMatch(/<input [^>]*id="eventOn-day"[^>]*name="eventOn-day"/);
    expect(officer.lastHtml).not.toContain('type="date"');
    let res = await officer.post(`/staff/cases/${reference}`, { intent: "complaint", summary: "", "eventOn-day": "", "eventOn-month": "", "eventOn-year": "" });
    expect(res.status).toBe(400);
    expect(officer.lastHtml).toContain('<a href="#complaintSummary">Enter what the complaint is about</a>');
    expect(officer.lastHtml).toContain('<a href="#eventOn-day">Enter the date of what they are complaining about</a>');
    // A wrong box: the message names the date, the link goes to that box and only it is marked.
    res = await officer.post(`/staff/cases/${reference}`, { intent: "complaint", summary: "Bad month", "eventOn-day": "3", "eventOn-month": "13", "eventOn-year": "2026" });
    expect(res.status).toBe(400);
    expect(officer.lastHtml).toContain('<a href="#eventOn-month">The date of what they are complaining about must be a real date</a>');
    expect(marked(officer.lastHtml, "eventOn-month")).toBe(true);
    expect(marked(officer.lastHtml, "eventOn-day") || marked(officer.lastHtml, "eventOn-year")).toBe(false);
    expect(officer.lastHtml).toMatch(/id="eventOn-month"[^>]*value="13"/);
    // A date after today says which date (issue 13: not "The date must be today or in the past").
    const future = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
    res = await officer.post(`/staff/cases/${reference}`, { intent: "complaint", summary: "Not yet", ...dateBoxes("eventOn", future) });
    expect(res.status).toBe(409);
    expect(officer.lastHtml).toContain('<a href="#eventOn-day">The date of what they are complaining about must be today or in the past.</a>');
    // The domain's refusal gives back what was typed, as a schema error does: nothing to type again.
    const typed = dateBoxes("eventOn", future);
    for (const box of ["day", "month", "year"]) expect(officer.lastHtml).toMatch(new RegExp(`id="eventOn-${box}"[^>]*value="${typed[`eventOn-${box}`]}"`));
    expect(officer.lastHtml).toMatch(/id="complaintSummary"[^>]*>Not yet<\/textarea>/);
    // The same in Welsh.
    await officer.get(`/cy/staff/cases/${reference}`);
    res = await officer.post(`/cy/staff/cases/${reference}`, { intent: "complaint", summary: "Dim blwyddyn", "eventOn-day": "3", "eventOn-month": "11", "eventOn-year": "" });
    expect(res.status).toBe(400);
    expect(officer.lastHtml).toContain('<a href="#eventOn-year">Rhaid i ddyddiad yr hyn y maen nhw’n cwyno amdano gynnwys blwyddyn</a>');
    await officer.get(`/staff/cases/${reference}`);
    const today = new Date().toISOString().slice(0, 10);
    res = await officer.post(`/staff/cases/${reference}`, { intent: "complaint", summary: "Nobody replied to my letter", ...dateBoxes("eventOn", today) });
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/staff\/cases\/RCC\d{7}\?done=complaint$/);
    await officer.get(location);
    expect(officer.lastHtml).toContain(`href="/staff/cases/${reference}"`);
    expect(officer.lastHtml).toContain("Complaint acknowledged (5 working days)");
    await officer.get(`/staff/cases/${reference}`);
    res = await officer.post(`/staff/cases/${reference}`, { intent: "complaint", summary: "Years ago", ...dateBoxes("eventOn", "2020-01-01"), acceptLate: "yes", lateReason: "x" });
    expect(res.status).toBe(403);
    await officer.get(`/staff/cases/${reference}`);
    res = await officer.post(`/staff/cases/${reference}`, { intent: "complaint", summary: "Years ago", ...dateBoxes("eventOn", "2020-01-01") });
    expect(res.headers.get("location")).toMatch(/done=complaintRefused$/);
    // A manager accepting a late one without saying why: refused, with the tick, the date and the summary kept.
    const manager = await signedIn("manager");
    await manager.get(`/staff/cases/${reference}`);
    res = await manager.post(`/staff/cases/${reference}`, { intent: "complaint", summary: "Years ago, accepted", ...dateBoxes("eventOn", "2020-01-01"), acceptLate: "yes", lateReason: "" });
    expect(res.status).toBe(409);
    expect(manager.lastHtml).toContain('<a href="#lateReason">');
    expect(manager.lastHtml).toMatch(/id="eventOn-day"[^>]*value="1"/);
    expect(manager.lastHtml).toMatch(/id="eventOn-year"[^>]*value="2020"/);
    expect(manager.lastHtml).toMatch(/id="complaintSummary"[^>]*>Years ago, accepted<\/textarea>/);
    expect(manager.lastHtml).toMatch(/<input[^>]*name="acceptLate"[^>]*checked/);
  });
});

describe("restricted contact", () => {
  it("a manager sets it with an arrangement and review date; it shows on the case and in the list; officers cannot; lifting removes it", async () => {
    const reference = await askQuestion("en", `rc-${unique()}@example.com`);
    const officer = await signedIn("officer");
    await officer.get(`/staff/cases/${reference}`);
    expect(officer.lastHtml).not.toContain('name="intent" value="restrict"');
    expect((await officer.post(`/staff/cases/${reference}`, { intent: "restrict", arrangement: "Writing only", ...dateBoxes("reviewOn", "2027-06-30") })).status).toBe(403);
    const manager = await signedIn("manager");
    await manager.get(`/staff/cases/${reference}`);
    let res = await manager.post(`/staff/cases/${reference}`, { intent: "restrict", arrangement: "", "reviewOn-day": "30", "reviewOn-month": "2", "reviewOn-year": "2027" });
    expect(res.status).toBe(400);
    expect(manager.lastHtml).toContain("Enter the arrangement");
    // 30 February: the day is what is wrong, so the link goes to it and only it is marked.
    expect(manager.lastHtml).toContain('<a href="#reviewOn-day">The review date must be a real date</a>');
    expect(marked(manager.lastHtml, "reviewOn-day")).toBe(true);
    expect(marked(manager.lastHtml, "reviewOn-month") || marked(manager.lastHtml, "reviewOn-year")).toBe(false);
    // What was typed stays in the boxes (the domain refuses nothing on this form but a case with no customer, whose form is not shown).
    expect(manager.lastHtml).toMatch(/id="reviewOn-day"[^>]*value="30"/);
    expect(manager.lastHtml).toMatch(/id="reviewOn-month"[^>]*value="2"/);
    expect(manager.lastHtml).toMatch(/id="reviewOn-year"[^>]*value="2027"/);
    res = await manager.post(`/staff/cases/${reference}`, { intent: "restrict", arrangement: "Writing only", "reviewOn-day": "30", "reviewOn-month": "", "reviewOn-year": "" });
    expect(manager.lastHtml).toContain('<a href="#reviewOn-month">The review date must include a month and year</a>');
    expect(manager.lastHtml).toMatch(/id="arrangement"[^>]*>Writing only<\/textarea>/);
    expect(marked(manager.lastHtml, "reviewOn-day")).toBe(false);
    await manager.get(`/cy/staff/cases/${reference}`);
    res = await manager.post(`/cy/staff/cases/${reference}`, { intent: "restrict", arrangement: "Ysgrifennu yn unig", "reviewOn-day": "30", "reviewOn-month": "6", "reviewOn-year": "27" });
    expect(res.status).toBe(400);
    expect(manager.lastHtml).toContain('<a href="#reviewOn-year">Rhaid i flwyddyn y dyddiad adolygu gynnwys 4 rhif</a>');
    await manager.get(`/staff/cases/${reference}`);
    res = await manager.post(`/staff/cases/${reference}`, { intent: "restrict", arrangement: "Writing only; one named contact", ...dateBoxes("reviewOn", "2027-06-30") });
    expect(res.status).toBe(302);
    await officer.get(`/cy/staff/cases/${reference}`);
    expect(officer.lastHtml).toContain('data-testid="flag-banner"');
    expect(officer.lastHtml).toContain("Writing only; one named contact");
    expect(officer.lastHtml).toContain("adolygu erbyn 30 Mehefin 2027");
    await officer.get(`/staff/cases?q=${reference}`);
    expect(officer.lastHtml).toContain('data-flag="restricted_contact"');
    await manager.get(`/staff/cases/${reference}`);
    await manager.post(`/staff/cases/${reference}`, { intent: "lift" });
    await officer.get(`/staff/cases/${reference}`);
    expect(officer.lastHtml).not.toContain('data-testid="flag-banner"');
  });
});
