// The per-address limits on the public doors, over HTTP, with demo mode's relaxations off
// (server/limits/public.ts, readForm in app/lib/forms.server.ts):
// - submissions a day (100 in production; PUBLIC_SUBMISSIONS_PER_DAY=5 on this server so six
//   journeys prove it), shared by every public journey, with its own page in the person's language;
// - public form posts in 10 minutes (1,000 in production; PUBLIC_POSTS_PER_10_MIN=300 here).
import { describe, expect, it } from "vitest";
import { contactUpToCheck, unique, Visitor, newAddress, baseUrl } from "./support";
import { HOSTILE_POSTS_PER_10_MIN, HOSTILE_SUBMISSIONS_PER_DAY } from "./settings";

describe("submissions a day per address", () => {
  it("stop at the quota with their own page in the person's language, the answers kept; another address is not affected", async () => {
    const address = newAddress();
    const send = async (prefix: "" | "/cy", i: number) => {
      const v = new Visitor(address);
      const key = await contactUpToCheck(v, { email: `quota-${i}-${unique()}@example.org` }, prefix);
      const res = await v.post(`${prefix}/contact/check`, {
        idempotencyKey: key,
        ...v.filledOver(5_000),
      });
      return { v, res };
    };
    for (let i = 0; i < HOSTILE_SUBMISSIONS_PER_DAY; i++) {
      const { res } = await send("", i);
      expect(res.status, `submission ${i + 1}`).toBe(302);
      expect(res.headers.get("location")).toMatch(/confirmation/);
    }
    const over = await send("", HOSTILE_SUBMISSIONS_PER_DAY);
    expect(over.res.status).toBe(429);
    const html = await over.res.text();
    expect(html).toContain('<html lang="en-GB"');
    expect(html).toContain("You have sent a lot of forms today");
    // The answers wait in the draft for tomorrow.
    expect((await over.v.get("/contact/check")).status).toBe(200);
    const welsh = await send("/cy", HOSTILE_SUBMISSIONS_PER_DAY + 1);
    expect(welsh.res.status).toBe(429);
    const cy = await welsh.res.text();
    expect(cy).toContain('<html lang="cy"');
    expect(cy).toContain("Rydych wedi anfon llawer o ffurflenni heddiw");
    // Someone else, on another connection, still gets through.
    const other = new Visitor();
    const key = await contactUpToCheck(other, {
      email: `quota-other-${unique()}@example.org`,
    });
    expect(
      (
        await other.post("/contact/check", {
          idempotencyKey: key,
          ...other.filledOver(5_000),
        })
      ).status,
    ).toBe(302);
  }, 120_000);
});

describe("public form posts per address", () => {
  it("the post after the limit in 10 minutes is refused with the 'too many' page in the person's language; another address is not affected", async () => {
    const v = new Visitor();
    await v.get("/contact");
    // Answers a person might give, at machine speed, with the browser's valid token: each is read
    // (the limit counts every public post that reaches a form; posts without a token are turned
    // away earlier, by the CSRF check, at no cost). Raw posts, so twenty at once do not race over the client's cookie jar.
    const postWith =
      (token: string) =>
      (path = "/contact") =>
        fetch(`${baseUrl}${path}`, {
          method: "POST",
          redirect: "manual",
          body: new URLSearchParams({ csrf: token, question: `question ${unique()}` }),
          headers: { cookie: v.cookieHeader(), "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": v.address },
        });
    // One first, so the session (and with it the token) is settled before the rest.
    await postWith(v.csrfToken())();
    await v.get("/contact");
    const again = postWith(v.csrfToken());
    const statuses: number[] = [];
    for (let i = 1; i < HOSTILE_POSTS_PER_10_MIN; i += 20) {
      const batch = await Promise.all(Array.from({ length: Math.min(20, HOSTILE_POSTS_PER_10_MIN - i) }, () => again().then(async (r) => (await r.arrayBuffer(), r.status))));
      statuses.push(...batch);
    }
    expect(statuses.filter((s) => s !== 302)).toEqual([]);
    const over = await again("/cy/contact");
    expect(over.status).toBe(429);
    const html = await over.text();
    expect(html).toContain('<html lang="cy"');
    expect(html).toContain("Gormod o ymdrechion");
    const en = await again();
    expect(en.status).toBe(429);
    expect(await en.text()).toContain("Too many attempts");
    // A person on another connection is unaffected.
    const other = new Visitor();
    await other.get("/contact");
    expect((await other.post("/contact", { question: `still fine ${unique()}` })).status).toBe(302);
  }, 120_000);
});
