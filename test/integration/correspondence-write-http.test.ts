// /staff/cases/:reference/write on the real production server, as a browser without JavaScript:
// officers write only on cases allocated to them. The page says so before they compose anything
// (no form to fill in and then have refused), the send is refused, and once the officer takes the
// case the email is queued and the page redirects to ?done=sent.
import { describe, expect, inject, it } from "vitest";
import { signedIn as signInAs } from "../support/staff";

const baseUrl = inject("baseUrl");

describe("writing to the customer over HTTP", () => {
  it("tells an officer to take the case first, refuses the send until they do, then queues it", async () => {
    const officer = await signInAs(baseUrl, "officer");

    await officer.get("/staff/intake");
    const created = await officer.post("/staff/intake", { type: "RFA", channel: "phone", language: "en", name: "Ceri Write", email: `write-${Date.now()}@example.com`, summary: "Asked by phone" });
    expect(created.status).toBe(302);
    const reference = /RFA\d{7}/.exec(created.headers.get("location") ?? "")![0];

    const writeUrl = `/staff/cases/${reference}/write?template=more_information&languages=en&channel=email`;
    const fields = { template: "more_information", languages: "en", channel: "email", subject_en: `More information [Ref. ${reference}]`, body_en: "Please send a copy of the letter." };
    for (const path of [writeUrl, `/cy${writeUrl}`]) {
      expect((await officer.get(path)).status).toBe(200);
      expect(officer.lastHtml).toContain('data-testid="not-yours"');
      expect(officer.lastHtml).not.toContain('id="write-form"');
    }
    expect(officer.lastHtml).toContain("Dydy’r achos hwn ddim wedi’i ddyrannu i chi");
    const csrf = officer.csrfToken();
    expect((await officer.post(writeUrl, fields, { csrf })).status).toBe(403);

    await officer.get(`/staff/cases/${reference}`);
    const took = await officer.post(`/staff/cases/${reference}`, { intent: "take" });
    expect(took.headers.get("location")).toContain("done=take");

    await officer.get(writeUrl);
    expect(officer.lastHtml).not.toContain('data-testid="not-yours"');
    expect(officer.lastHtml).toContain('id="write-form"');
    const sent = await officer.post(writeUrl, fields);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/staff/cases/${reference}/write?done=sent`);
  }, 60_000);
});
