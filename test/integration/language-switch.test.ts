// DESIGN §7: the language switch keeps the person on the same page with their answers, including
// what they typed on this page and have not sent yet (issue 13). On a form page the switch is a
// submit button of the form; the server keeps the typed values for that page, once.
import { describe, expect, inject, it } from "vitest";
import { BrowserLikeClient } from "../support/browser-like-client";

const baseUrl = inject("baseUrl");
const page = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");

describe("the language switch on a form page", () => {
  it("is a submit button of the form, not a link that loses the typing", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/contact");
    const button = /<button[^>]*data-testid="language-switch"[^>]*>/.exec(page(client.lastHtml))?.[0] ?? "";
    for (const attribute of ['type="submit"', 'form="journey-form"', 'name="switchLang"', 'value="cy"']) expect(button).toContain(attribute);
    expect(page(client.lastHtml)).toMatch(/<form[^>]*id="journey-form"/);
    // Pages without a form keep the plain link.
    await client.get("/concerns/result");
    await client.get("/");
    expect(page(client.lastHtml)).toMatch(/<a[^>]*href="\/cy"[^>]*data-testid="language-switch"/);
  });

  it("keeps unsent text (EN → CY), shows it once, and does not save it as an answer", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/contact");
    const res = await client.post("/contact", { question: "Can my landlord share my <b>phone</b> number?", switchLang: "cy" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/cy/contact");
    await client.get("/cy/contact");
    expect(client.lastHtml).toContain('lang="cy"');
    expect(page(client.lastHtml)).toContain("Can my landlord share my &lt;b&gt;phone&lt;/b&gt; number?");
    // No error: nothing was sent.
    expect(page(client.lastHtml)).not.toContain("govuk-error-summary");
    // Once: a later visit shows the saved answers (none yet).
    await client.get("/cy/contact");
    expect(page(client.lastHtml)).not.toContain("Can my landlord share");
    // The switch did not send the answer: the next page is still out of reach.
    expect((await client.get("/cy/contact/details")).headers.get("location")).toBe("/cy/contact");
  });

  it("keeps a changed choice and date boxes (CY → EN) over the saved answer", async () => {
    const client = new BrowserLikeClient(baseUrl);
    await client.get("/cy/concerns/q/topic");
    await client.post("/cy/concerns/q/topic", { topic: "foi" });
    await client.get("/cy/concerns/q/organisation");
    await client.post("/cy/concerns/q/organisation", { organisation: "Cyngor Sir Enghraifft" });
    await client.get("/cy/concerns/q/sector");
    await client.post("/cy/concerns/q/sector", { sector: "local_government" });
    await client.get("/cy/concerns/q/raised-on");
    const res = await client.post("/cy/concerns/q/raised-on", { "raisedOn-day": "7", "raisedOn-month": "", "raisedOn-year": "2026", switchLang: "en" });
    expect(res.headers.get("location")).toBe("/concerns/q/raised-on");
    await client.get("/concerns/q/raised-on");
    const html = page(client.lastHtml);
    expect(html).toMatch(/id="raisedOn-day"[^>]*value="7"/);
    expect(html).toMatch(/id="raisedOn-year"[^>]*value="2026"/);
    // Back on the organisation page, typed over but not sent: the typed name comes across.
    await client.get("/concerns/q/organisation");
    await client.post("/concerns/q/organisation", { organisation: "Example County Council", switchLang: "cy" });
    await client.get("/cy/concerns/q/organisation");
    expect(page(client.lastHtml)).toMatch(/value="Example County Council"/);
    await client.get("/cy/concerns/q/organisation");
    expect(page(client.lastHtml)).toMatch(/value="Cyngor Sir Enghraifft"/);
  });

  it("keeps typed text on an adjustments page (EN → CY) and a changed choice on a nuisance page (CY → EN)", async () => {
    const client = new BrowserLikeClient(baseUrl);
    for (const [path, fields] of [
      ["/adjustments/needs", { needs: "bold" }],
      ["/adjustments/duration", { duration: "ongoing" }],
      ["/adjustments/case", { caseReference: "" }],
      ["/adjustments/about-you", { difficulty: "" }],
    ] as const) {
      await client.get(path);
      expect((await client.post(path, fields)).status).toBe(302);
    }
    await client.get("/adjustments/contact");
    const switched = await client.post("/adjustments/contact", { name: "Siân Jones", email: "", phone: "07700 900123", switchLang: "cy" });
    expect(switched.headers.get("location")).toBe("/cy/adjustments/contact");
    await client.get("/cy/adjustments/contact");
    expect(page(client.lastHtml)).toMatch(/id="name"[^>]*value="Siân Jones"/);
    expect(page(client.lastHtml)).toMatch(/id="phone"[^>]*value="07700 900123"/);

    const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(new Date());
    const part = (type: string) => today.find((p) => p.type === type)!.value;
    await client.get("/cy/report-nuisance/contact/new?kind=live_call");
    const contact = { kind: "live_call", "date-day": part("day"), "date-month": part("month"), "date-year": part("year"), time: "", timeUnknown: "yes", fromStatus: "given", from: "07700 900123", to: "", company: "", topic: "energy_home_improvements", description: "" };
    expect((await client.post("/cy/report-nuisance/contact/new?kind=live_call", contact)).headers.get("location")).toBe("/cy/report-nuisance/contacts");
    await client.get("/cy/report-nuisance/contacts");
    await client.post("/cy/report-nuisance/contacts", { another: "no" });
    await client.get("/cy/report-nuisance/about-you");
    const aboutSwitched = await client.post("/cy/report-nuisance/about-you", { tps: "yes", consent: "customer", switchLang: "en" });
    expect(aboutSwitched.headers.get("location")).toBe("/report-nuisance/about-you");
    await client.get("/report-nuisance/about-you");
    const radio = (name: string, value: string) => new RegExp(`<input[^>]*name="${name}"[^>]*value="${value}"[^>]*>`).exec(page(client.lastHtml))?.[0] ?? "";
    expect(radio("tps", "yes")).toContain("checked");
    expect(radio("consent", "customer")).toContain("checked");
    expect(radio("askedToStop", "yes")).not.toContain("checked");
    // Nothing was sent: Your details is still out of reach.
    expect((await client.get("/report-nuisance/your-details")).headers.get("location")).toBe("/report-nuisance/about-you");
  });
});
