// Attacks on the running production server (issue 12, `npm run test:hostile`). Each test states
// what an attacker tries and what must hold; each fails if that protection is taken away.
// Every answer must be a 4xx page or the normal page, never a 5xx, and nothing half-saved.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { askQuestion, baseUrl, contactUpToCheck, mailDir, staff, unique, Visitor } from "./support";

const sessionOf = (v: Visitor) => /doorstep_session=([^;]+)/.exec(v.cookieHeader())?.[1];

function mailsTo(address: string): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(mailDir);
  } catch {
    return [];
  }
  return files.map((f) => readFileSync(path.join(mailDir, f), "utf8")).filter((raw) => raw.toLowerCase().includes(address.toLowerCase()));
}

async function until<T>(fn: () => T | undefined | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("CSRF", () => {
  it("a public post without a token, with a forged one, or with another browser's is refused and saves nothing", async () => {
    const victim = new Visitor();
    await victim.get("/contact");
    const other = new Visitor();
    await other.get("/contact");
    for (const csrf of [null, "forged-token", "A".repeat(43), other.csrfToken()]) {
      const res = await victim.post("/contact", { question: "planted question" }, { csrf });
      expect(res.status, String(csrf)).toBe(403);
    }
    // Nothing reached the draft: the next step still sends the person back to the start.
    expect((await victim.get("/contact/details")).status).toBe(302);
  });

  it("a staff sign-in or staff action without the session's token is refused", async () => {
    const v = new Visitor();
    await v.get("/staff/sign-in");
    expect((await v.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" }, { csrf: "forged" })).status).toBe(403);
    // The officer's own token from before signing in (another session) no longer works after it.
    const officer = new Visitor();
    await officer.get("/staff/sign-in");
    const beforeSignIn = officer.csrfToken();
    expect((await officer.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" })).status).toBe(302);
    const reference = await askQuestion(new Visitor(), { email: `csrf-${unique()}@example.org` });
    const res = await officer.post(`/staff/cases/${reference}`, { intent: "take" }, { csrf: beforeSignIn });
    expect(res.status).toBe(403);
  });
});

describe("sessions", () => {
  it("session fixation: a session cookie planted before sign-in is replaced at sign-in and never becomes a staff session", async () => {
    const v = new Visitor();
    await v.get("/contact");
    await v.post("/contact", { question: `fixation ${unique()}` });
    const planted = sessionOf(v);
    expect(planted).toBeTruthy();
    await v.get("/staff/sign-in");
    expect((await v.post("/staff/sign-in", { email: "officer@doorstep.example", password: "demo-officer-2026" })).status).toBe(302);
    expect(sessionOf(v)).not.toBe(planted);
    // The attacker, holding the planted cookie, is not signed in.
    const attacker = await fetch(`${baseUrl}/staff`, { redirect: "manual", headers: { cookie: `doorstep_session=${planted}`, "x-forwarded-for": v.address } });
    expect(attacker.status).toBe(302);
    expect(attacker.headers.get("location")).toMatch(/\/staff\/sign-in/);
  });

  it("a malformed cookie is a 400, not a 500", async () => {
    const res = await fetch(`${baseUrl}/contact`, { headers: { cookie: "doorstep_session=%E0%A4%A", "x-forwarded-for": new Visitor().address } });
    expect(res.status).toBe(400);
  });
});

describe("other people's references (IDOR)", () => {
  it("/track with someone else's reference and the wrong email shows nothing of theirs, the same as an unknown one", async () => {
    const owner = `owner-${unique()}@example.org`;
    const reference = await askQuestion(new Visitor(), { email: owner, name: "Olwen Owner" });
    const attacker = new Visitor();
    await attacker.get("/track");
    const theirs = await attacker.post("/track", { reference, email: "attacker@example.org" });
    const html = await theirs.text();
    expect(theirs.status).toBe(404);
    expect(html).not.toContain("Olwen");
    await attacker.get("/track");
    const unknown = await attacker.post("/track", { reference: "ENQ9999999", email: "attacker@example.org" });
    expect(unknown.status).toBe(404);
  });

  it("case, track and adjustment links with forged or other people's tokens and references answer 404 or refuse, never data", async () => {
    const v = new Visitor();
    const reference = await askQuestion(new Visitor(), { email: `idor-${unique()}@example.org`, name: "Iolo Idor" });
    for (const url of [
      `/track/case/${"A".repeat(43)}`,
      `/track/case/${reference}`,
      `/adjustments/consent/${"A".repeat(43)}`,
      `/adjustments/consent/..%2F..%2Fetc%2Fpasswd`,
      `/concerns/resume/${"A".repeat(43)}`,
    ]) {
      const res = await v.get(url);
      // A link that does not work says so (the consent page answers 200 with "this link does not work").
      expect(res.status, url).toBeLessThan(500);
      if (url.startsWith("/track/case/")) expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain("Iolo");
    }
    // A staff page for a case, without signing in: to the sign-in page.
    const anonymous = await v.get(`/staff/cases/${reference}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/sign-in/);
    // The chat-only adviser cannot act on it.
    const adviser = await staff("adviser");
    await adviser.get("/staff");
    expect((await adviser.post(`/staff/cases/${reference}`, { intent: "note", text: "x" })).status).toBe(403);
  });
});

describe("oversized and hostile input", () => {
  it("a body over the limit is a 413 page, and the server still answers", async () => {
    const v = new Visitor();
    await v.get("/contact");
    const res = await v.post("/contact", { question: "x".repeat(1_200_000) });
    expect(res.status).toBe(413);
    expect((await v.get("/contact")).status).toBe(200);
  });

  it("SQL-ish, script, unicode and huge values are answered 4xx or taken as text, never a 5xx", async () => {
    const values = [
      "'; DROP TABLE \"Case\"; --",
      "' OR '1'='1",
      "<script>alert(1)</script>",
      "../../../../etc/passwd",
      "\u0000\u202e\ud83d\ude00\u0301",
      "x".repeat(20_000),
      "",
      "{{7*7}}${7*7}",
    ];
    const statuses: [string, number][] = [];
    for (const value of values) {
      const v = new Visitor();
      // The token changes with the session (a first answer starts one): take it afresh each time.
      const token = async () => (await v.get("/contact"), v.csrfToken());
      const label = JSON.stringify(value.slice(0, 24));
      statuses.push([`/contact ${label}`, (await v.post("/contact", { question: value }, { csrf: await token() })).status]);
      statuses.push([`/contact/details ${label}`, (await v.post("/contact/details", { name: value, email: value }, { csrf: await token() })).status]);
      statuses.push([`/track ${label}`, (await v.post("/track", { reference: value, email: value }, { csrf: await token() })).status]);
      statuses.push([`/staff/sign-in ${label}`, (await v.post("/staff/sign-in", { email: value, password: value }, { csrf: await token() })).status]);
    }
    expect(statuses.filter(([, s]) => s >= 500).map(([what, s]) => `${what}: ${s}`)).toEqual([]);
    // An injected-looking question is stored as text, and the tables are all still there.
    const reference = await askQuestion(new Visitor(), { email: `sql-${unique()}@example.org`, question: "Robert'); DROP TABLE \"Case\";--" });
    expect(reference).toMatch(/^ENQ\d{7}$/);
    expect(await askQuestion(new Visitor(), { email: `sql-${unique()}@example.org` })).toMatch(/^ENQ\d{7}$/);
  });

  it("script typed into a public form is shown as text on the staff case page", async () => {
    const reference = await askQuestion(new Visitor(), {
      email: `xss-${unique()}@example.org`,
      name: "<script>alert('name')</script>",
      question: `<img src=x onerror="alert('q')"> and <svg onload=alert(1)> ${unique()}`,
    });
    const officer = await staff("officer");
    const page = await officer.get(`/staff/cases/${reference}`);
    expect(page.status).toBe(200);
    const html = officer.lastHtml;
    expect(html).toContain("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert('name')</script>");
    expect(html).not.toMatch(/<img src=x onerror/i);
    expect(html).not.toMatch(/<svg onload/i);
  });

  it("header injection: a line break in a typed name or address never adds an email header or recipient", async () => {
    const v = new Visitor();
    await v.get("/contact");
    await v.post("/contact", { question: `header injection ${unique()}` });
    await v.get("/contact/details");
    const bad = await v.post("/contact/details", { name: "Sam", email: `sam-${unique()}@example.org\r\nBcc: injected-bcc@example.org` });
    expect(bad.status).toBe(400);
    const target = `hdr-${unique()}@example.org`;
    await askQuestion(new Visitor(), { email: target, name: "Sam\r\nBcc: injected-bcc@example.org\r\nSubject: pwned" });
    const [raw] = await until(() => {
      const found = mailsTo(target);
      return found.length > 0 ? found : undefined;
    });
    const headers = raw!.slice(0, raw!.search(/\r?\n\r?\n/));
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(headers).not.toMatch(/^Subject: pwned/im);
    expect(headers).not.toContain("injected-bcc");
  });
});

describe("file downloads", () => {
  it("path traversal in download URLs never reaches a file outside the store", async () => {
    const officer = await staff("officer");
    const reference = await askQuestion(new Visitor(), { email: `files-${unique()}@example.org` });
    for (const url of [
      `/staff/cases/${reference}/attachments/..%2F..%2F..%2Fpackage.json`,
      `/staff/cases/${reference}/attachments/%2e%2e%2f%2e%2e%2fsession-secret`,
      `/staff/offenders/eml/..%2F..%2Fpackage.json`,
      `/staff/mail/x/files/..%2F..%2Fpackage.json`,
      `/assets/..%2f..%2fpackage.json`,
      `/widget/..%2f..%2fpackage.json`,
    ]) {
      const res = await officer.get(url);
      const body = await res.text();
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.status, url).toBeLessThan(500);
      expect(body, url).not.toContain('"name": "doorstep"');
    }
  });
});

describe("brute force", () => {
  it("sign-in: guesses from one address are refused once over the limit, before the password is checked", async () => {
    const v = new Visitor();
    await v.get("/staff/sign-in");
    const account = `nobody-${unique()}@doorstep.example`;
    const statuses = await Promise.all(Array.from({ length: 8 }, () => v.post("/staff/sign-in", { email: account, password: "wrong-password" }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });

  it("/track: guessing the email for one reference is refused after a few tries", async () => {
    const reference = await askQuestion(new Visitor(), { email: `track-${unique()}@example.org` });
    const v = new Visitor();
    await v.get("/track");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await v.post("/track", { reference, email: `guess${i}@example.org` })).status);
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});

describe("machine-speed submissions (fill time, quotas)", () => {
  it("a submission sent the moment its page arrives is given back with a message and nothing lost; read, then sent, it goes", async () => {
    const v = new Visitor();
    const key = await contactUpToCheck(v, { email: `fast-${unique()}@example.org`, question: `too fast ${unique()}` });
    const fast = await v.post("/contact/check", { idempotencyKey: key, formIssued: /name="formIssued" value="([^"]*)"/.exec(v.lastHtml)![1]! });
    expect(fast.status).toBe(302);
    expect(fast.headers.get("location")).toBe("/contact/check");
    const again = await v.get("/contact/check");
    expect(again.status).toBe(200);
    expect(v.lastHtml).toContain("Check your answers, then send them again");
    expect(v.lastHtml).toContain("too fast");
    // No form time at all (a script that skips the field): the same.
    const none = await v.post("/contact/check", { idempotencyKey: key });
    expect(none.headers.get("location")).toBe("/contact/check");
    await v.get("/contact/check");
    const sent = await v.post("/contact/check", { idempotencyKey: key, ...v.filledOver(2_000) });
    expect(sent.headers.get("location")).toMatch(/confirmation/);
  });
});
