// Email to an address someone typed (issue 12): it goes only to an address a record already
// holds, or within one mailbox's day of emails (5, shared by every public form and the chat),
// so typing a stranger's address into our forms cannot flood their inbox. Here the stranger's
// day is spent through the contact form, and then every other way of mailing a typed address
// is tried: a complaint, "save and come back later", a chat transcript.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import { io } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { PUBLIC_LIMITS } from "../../server/limits/public";
import { FuzzClient, TARGETS } from "./journeys";
import { askQuestion, baseUrl, mailDir, newAddress, unique, Visitor } from "./support";

function mailsTo(address: string): number {
  let files: string[] = [];
  try {
    files = readdirSync(mailDir);
  } catch {
    return 0;
  }
  return files.filter((f) => new RegExp(`^To: .*${address.replace(/[.+]/g, "\\$&")}`, "im").test(readFileSync(path.join(mailDir, f), "utf8"))).length;
}
async function until(fn: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a stranger's address typed into our forms", () => {
  it("gets at most the day's emails, whichever form or the chat is used; the records are still made", async () => {
    const day = PUBLIC_LIMITS.acknowledgementsPerRecipient.points;
    // Spelt differently each time: one mailbox all the same.
    const victim = `victim.${unique()}@gmail.com`;
    const spelling = (i: number) => victim.replace("@", `+${i}@`).replace("victim.", i % 2 ? "VICTIM" : "victim.");
    for (let i = 0; i < day; i++) await askQuestion(new Visitor(), { email: spelling(i) });
    await until(() => mailsTo(victim.split("@")[0]!.replace("victim.", "")) >= day);

    // A complaint: made, but no acknowledgement.
    const v = new Visitor();
    await v.get("/complain");
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(v.lastHtml)![1]!;
    const d = new Date(Date.now() - 3 * 86_400_000);
    const complaint = await v.post("/complain", {
      idempotencyKey: key,
      reference: "",
      whatHappened: "Nobody answered my letter",
      lateReason: "",
      putRight: "",
      name: "Vic Tim",
      email: victim,
      "eventOn-day": String(d.getUTCDate()),
      "eventOn-month": String(d.getUTCMonth() + 1),
      "eventOn-year": String(d.getUTCFullYear()),
      ...v.filledOver(5_000),
    });
    expect(complaint.status).toBe(200);
    expect(await complaint.text()).toMatch(/RCC\d{7}|data-testid="reference"/);

    // "Save and come back later": refused with a message in the person's language, nothing saved.
    const saver = new FuzzClient(newAddress(), "cy");
    for (const step of TARGETS.find((t) => t.name === "/concerns/save")!.before) await saver.step(step);
    await saver.get("/cy/concerns/save");
    const saved = await saver.post("/cy/concerns/save", [["email", victim]]);
    expect(saved.status).toBe(429);
    expect(await saved.text()).toContain("Rydym wedi anfon llawer o negeseuon e-bost i’r cyfeiriad hwn heddiw");

    // A chat transcript to the address given at the start of the chat: refused as rate-limited.
    const socket = io(`${baseUrl}/chat`, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      extraHeaders: {
        origin: new URL(baseUrl).origin,
        "x-forwarded-for": newAddress(),
      },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const started = (await socket.timeout(10_000).emitWithAck("chat:start", {
        lang: "en",
        topic: "foi",
        name: "Vic",
        email: victim,
        transcriptConsent: true,
        browserId: randomUUID(),
      })) as { data: { conversationId: string } };
      const transcript = await socket.timeout(10_000).emitWithAck("transcript:email", {
        conversationId: started.data.conversationId,
        email: victim,
      });
      expect(transcript).toEqual({ error: { code: "rate_limited" } });
      await socket.timeout(10_000).emitWithAck("chat:end", {
        conversationId: started.data.conversationId,
      });
    } finally {
      socket.disconnect();
    }

    // Mail goes out in order: once a later acknowledgement to someone else is written, none of
    // the above can still be on its way.
    const sentinel = `sentinel-${unique()}@example.org`;
    await askQuestion(new Visitor(), { email: sentinel });
    await until(() => mailsTo(sentinel) > 0);
    expect(mailsTo(victim.split("@")[0]!.replace("victim.", ""))).toBe(day);
  }, 120_000);

  it("tracking links go only to the address the record holds, and at most the day's to one mailbox across all its cases", async () => {
    const links = PUBLIC_LIMITS.trackLinksPerRecipient.points;
    const victim = `links-${unique()}@example.org`;
    const references: string[] = [];
    for (let i = 0; i <= links; i++) references.push(await askQuestion(new Visitor(), { email: victim }));
    for (const reference of references) {
      const v = new Visitor();
      await v.get("/track");
      expect((await v.post("/track", { reference, email: victim })).status).toBe(200);
    }
    const sentinel = `sentinel-${unique()}@example.org`;
    await askQuestion(new Visitor(), { email: sentinel });
    await until(() => mailsTo(sentinel) > 0);
    let linkMails = 0;
    for (const f of readdirSync(mailDir)) {
      const mail = await simpleParser(readFileSync(path.join(mailDir, f)));
      const to = mail.to && !Array.isArray(mail.to) ? mail.to.text.toLowerCase() : "";
      if (to.includes(victim) && (mail.text ?? "").includes("/track/case/")) linkMails++;
    }
    expect(linkMails).toBe(links);
  }, 180_000);
});
