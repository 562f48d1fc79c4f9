// NUL characters and malformed bodies on the multipart routes (issue 12): concerns uploads, the
// nuisance .eml, the tracking page's files, and staff forms. Each answer is a 4xx (or the normal
// page), never a 5xx, and a refused post stores nothing: no file on disk, no row.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, inject, it } from "vitest";
import type { BrowserLikeClient } from "../support/browser-like-client";
import { FuzzClient, TARGETS } from "./journeys";
import { changed, rowCounts } from "./probe";
import { askQuestion, baseUrl, mailDir, newAddress, staff, unique, Visitor } from "./support";

const dataDir = inject("hostileDataDir");
const storedFiles = () => {
  const count = (dir: string) => {
    try {
      return readdirSync(path.join(dataDir, "concerns", dir)).length;
    } catch {
      return 0;
    }
  };
  return count("uploads") + count("incoming");
};
const TXT = new TextEncoder().encode("Dear Sir or Madam,\nPlease send me my information.\n");
const EML_NUL_SUBJECT = "From: Spammer <spam@spam.example>\r\nTo: me@example.com\r\nSubject: =?utf-8?B?QUFBAEJCQg==?=\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\n\r\nBuy now\r\n";

async function multipart(v: BrowserLikeClient, url: string, fields: [string, string][], files: { field: string; name: string; bytes: Uint8Array }[] = []) {
  // The token is among the fields (or left out) on purpose.
  const res = await v.post(url, fields, { csrf: null, files, multipart: true });
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
}

/** Raw bodies no browser sends: a part that never ends, no boundary at all, a boundary that never comes. */
async function malformed(v: FuzzClient | Visitor, url: string) {
  const statuses: number[] = [];
  const headers = {
    cookie: v.cookieHeader(),
    accept: "text/html",
    "x-forwarded-for": v.address,
  };
  const bodies: [string, string][] = [
    [
      "multipart/form-data; boundary=xyz",
      `--xyz\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nabc\u0000\r\n--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nunfinished`,
    ],
    ["multipart/form-data", '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--xyz--\r\n'],
    ["multipart/form-data; boundary=never", "just some bytes\u0000 with no parts"],
    ["multipart/form-data; boundary=xyz", `--xyz\r\nContent-Disposition: form-data; name="a\u0000"; filename="\u0000.txt"\r\n\r\nx\r\n--xyz--\r\n`],
  ];
  for (const [type, body] of bodies) {
    const res = await fetch(baseUrl + url, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { ...headers, "content-type": type },
    });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  return statuses;
}

const is4xx = (s: number) => s >= 400 && s < 500;

describe("concerns uploads", () => {
  async function atFiles() {
    const v = new FuzzClient(newAddress(), "en");
    const files = TARGETS.find((t) => t.name === "/concerns/report/files")!;
    for (const step of files.before) await v.step(step);
    await v.get("/concerns/report/files");
    return v;
  }

  it("a NUL in any field is a 400 with nothing stored; a removal of something that is not an id removes nothing and is no 500", async () => {
    const v = await atFiles();
    const before = { files: storedFiles(), rows: await rowCounts() };
    const nul = await multipart(
      v,
      "/concerns/report/files",
      [
        ["csrf", v.token],
        ["intent", "upload"],
        ["note", "a\u0000b"],
      ],
      [{ field: "files", name: "letter.txt", bytes: TXT }],
    );
    expect(nul.status).toBe(400);
    expect(nul.html).toContain('<html lang="en-GB"');
    const removeNul = await multipart(v, "/concerns/report/files", [
      ["csrf", v.token],
      ["intent", "remove:\u0000"],
    ]);
    expect(removeNul.status).toBe(400);
    const removeJunk = await multipart(v, "/concerns/report/files", [
      ["csrf", v.token],
      ["intent", "remove:../../etc/passwd"],
    ]);
    expect(removeJunk.status).toBeLessThan(500);
    expect(storedFiles()).toBe(before.files);
    const after = await rowCounts();
    if (before.rows && after) expect(changed(before.rows, after)).toEqual({});
    // A file whose name holds a NUL or a right-to-left override is stored under a clean name.
    const named = await multipart(
      v,
      "/concerns/report/files",
      [
        ["csrf", v.token],
        ["intent", "upload"],
      ],
      [{ field: "files", name: "a\u0000\u202etxt.exe.txt", bytes: TXT }],
    );
    expect(named.status).toBe(302);
    const page = await (await v.get("/concerns/report/files")).text();
    expect(page).not.toContain("\u0000");
    expect(page).not.toContain("\u202e");
  });

  it("a malformed multipart body is a 4xx, and nothing is stored", async () => {
    const v = await atFiles();
    const before = storedFiles();
    const statuses = await malformed(v, "/concerns/report/files");
    expect(statuses.filter((s) => !is4xx(s) && s !== 302)).toEqual([]);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(storedFiles()).toBe(before);
  });
});

describe("nuisance .eml", () => {
  it("an .eml whose subject decodes to a NUL is refused as unreadable (400), and no row is stored", async () => {
    const v = new FuzzClient(newAddress(), "cy");
    await v.get("/cy/report-nuisance/contact/new?kind=email");
    const before = await rowCounts();
    const d = new Date(Date.now() - 86_400_000);
    const res = await multipart(
      v,
      "/cy/report-nuisance/contact/new?kind=email",
      [
        ["csrf", v.token],
        ["kind", "email"],
        ["date-day", String(d.getUTCDate())],
        ["date-month", String(d.getUTCMonth() + 1)],
        ["date-year", String(d.getUTCFullYear())],
        ["time", "10:00"],
        ["from", ""],
        ["to", ""],
        ["company", ""],
        ["topic", "investments"],
        ["subject", ""],
        ["description", ""],
      ],
      [
        {
          field: "eml",
          name: "offer.eml",
          bytes: new TextEncoder().encode(EML_NUL_SUBJECT),
        },
      ],
    );
    expect(res.status).toBe(400);
    expect(res.html).toContain('<html lang="cy"');
    const after = await rowCounts();
    if (before && after) expect(changed(before, after)).toEqual({});
    const statuses = await malformed(v, "/cy/report-nuisance/contact/new?kind=email");
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every(is4xx)).toBe(true);
  });
});

describe("tracking page files", () => {
  it("a message with a NUL, or too long, is refused before any file is kept; malformed bodies are 4xx", async () => {
    const email = `trackfiles-${unique()}@example.org`;
    const reference = await askQuestion(new Visitor(), { email });
    const asker = new Visitor();
    await asker.get("/track");
    await asker.post("/track", { reference, email });
    let token: string | undefined;
    for (let i = 0; i < 100 && !token; i++) {
      try {
        for (const f of readdirSync(mailDir)) {
          const mail = await simpleParser(readFileSync(path.join(mailDir, f)));
          const to = mail.to && !Array.isArray(mail.to) ? mail.to.text.toLowerCase() : "";
          if (to.includes(email)) token ??= /\/track\/case\/([A-Za-z0-9_-]{20,})/.exec(mail.text ?? "")?.[1];
        }
      } catch {
        // no mail yet
      }
      if (!token) await new Promise((r) => setTimeout(r, 200));
    }
    expect(token).toBeTruthy();
    const v = new FuzzClient(newAddress(), "en");
    await v.get(`/track/case/${token}`);
    const before = { files: storedFiles(), rows: await rowCounts() };
    /** A message with one letter attached, from this browser. */
    const message = (text: string) => multipart(v, `/track/case/${token}`, [["csrf", v.token], ["message", text]], [{ field: "files", name: "letter.txt", bytes: TXT }]);
    expect((await message("Here it is\u0000")).status).toBe(400);
    expect((await message("x".repeat(5001))).status).toBe(400);
    const statuses = await malformed(v, `/track/case/${token}`);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every(is4xx)).toBe(true);
    expect(storedFiles()).toBe(before.files);
    const after = await rowCounts();
    if (before.rows && after) expect(changed(before.rows, after)).toEqual({});
    // A person's message with a file still goes.
    const good = await message("Here is the letter");
    expect(good.status).toBe(302);
    expect(storedFiles()).toBe(before.files + 1);
  });
});

describe("staff forms", () => {
  it("a NUL in a multipart staff post, or a malformed body (sign-in included), is a 4xx", async () => {
    const officer = await staff("officer");
    const reference = await askQuestion(new Visitor(), {
      email: `staffmp-${unique()}@example.org`,
    });
    await officer.get(`/staff/cases/${reference}`);
    const before = await rowCounts();
    const nul = await multipart(officer, `/staff/cases/${reference}`, [
      ["csrf", officer.csrfToken()],
      ["intent", "take"],
      ["text", "\u0000"],
    ]);
    expect(nul.status).toBe(400);
    const after = await rowCounts();
    if (before && after) expect(changed(before, after)).toEqual({});
    const statuses = [...(await malformed(officer, `/staff/cases/${reference}`)), ...(await malformed(new Visitor(), "/staff/sign-in"))];
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every(is4xx)).toBe(true);
  });
});
