// The page shell on every public page, in English and in Welsh: language, title, skip link,
// footer, accessibility, the language switch, the 404 page and the health check.
import { baseURL, escapeRegExp, expect, expectNoAxeViolations, inLang, LANGS, TEXT, test } from "./fixtures";

const PUBLIC_PAGES = [
  "/",
  "/contact",
  "/concerns",
  "/report-nuisance",
  "/adjustments",
  "/chat",
  "/track",
  "/accessibility",
  "/privacy",
  "/cookies",
  "/complain",
  "/staff/sign-in",
];

const FOOTER_PATHS = ["/accessibility", "/privacy", "/cookies", "/contact", "/staff"];

for (const lang of LANGS) {
  const t = TEXT[lang];
  const other = lang === "en" ? "cy" : "en";
  // English with JavaScript (the chat launcher on the page) and without; Welsh without only: the
  // same server-rendered shell, and the launcher in Welsh is chat.spec.ts's.
  const modes = lang === "en" ? "@no-js" : "@js-off-only";

  test.describe(`shell (${lang})`, () => {
    for (const path of PUBLIC_PAGES) {
      const url = inLang(lang, path);
      test(`${url} renders the shell, passes axe and switches language ${modes}`, async ({ page }) => {
        const response = await page.goto(url);
        expect(response?.status()).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", t.htmlLang);
        await expect(page).toHaveTitle(`${t.pages[path]} – Doorstep`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.pages[path]);

        // The skip link is the first thing a keyboard reaches, and it moves focus to the main content.
        const skip = page.locator(".govuk-skip-link");
        await expect(skip).toHaveText(t.skipLink);
        await expect(skip).toHaveAttribute("href", "#main-content");
        await page.keyboard.press("Tab");
        await expect(skip).toBeFocused();
        await page.keyboard.press("Enter");
        await expect(page.locator("#main-content")).toBeFocused();

        const footerLinks = page.getByRole("contentinfo").getByRole("link");
        await expect(footerLinks).toHaveText(t.footer);
        for (const [i, footerPath] of FOOTER_PATHS.entries()) {
          await expect(footerLinks.nth(i)).toHaveAttribute("href", inLang(lang, footerPath));
        }

        await expectNoAxeViolations(page);

        // The other language: the same page, nothing else.
        const switchLink = page.getByTestId("language-switch");
        await expect(switchLink).toHaveText(new RegExp(`${escapeRegExp(t.switchTo)}$`));
        await expect(switchLink).toHaveAttribute("lang", other);
        await switchLink.click();
        await expect(page).toHaveURL(`${baseURL}${inLang(other, path)}`);
        await expect(page.locator("html")).toHaveAttribute("lang", TEXT[other].htmlLang);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT[other].pages[path]);
      });
    }

    test(`the language switch keeps the query string (${lang}) ${modes}`, async ({ page }) => {
      for (const query of ["?change=1", `?returnTo=${encodeURIComponent("/staff/cases?queue=1")}`]) {
        const path = query.startsWith("?change") ? "/contact" : "/staff/sign-in";
        await page.goto(inLang(lang, path) + query);
        await page.getByTestId("language-switch").click();
        await expect(page).toHaveURL(`${baseURL}${inLang(other, path)}${query}`);
        await expect(page.locator("html")).toHaveAttribute("lang", TEXT[other].htmlLang);
        await page.getByTestId("language-switch").click();
        await expect(page).toHaveURL(`${baseURL}${inLang(lang, path)}${query}`);
        await expect(page.locator("html")).toHaveAttribute("lang", t.htmlLang);
      }
    });

    test(`an unknown address answers 404 with the not-found page (${lang}) ${modes}`, async ({ page }) => {
      const url = lang === "en" ? "/no-such-page" : "/cy/dim-tudalen";
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", t.htmlLang);
      await expect(page).toHaveTitle(`${t.notFound} – Doorstep`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.notFound);
      await expect(page.getByRole("link", { name: t.notFoundHome })).toHaveAttribute("href", inLang(lang, "/"));
      await expect(page.getByRole("contentinfo").getByRole("link")).toHaveText(t.footer);
      await expectNoAxeViolations(page);
    });
  });
}

test("/healthz answers JSON with the database up", async ({ request }) => {
  const response = await request.get(`${baseURL}/healthz`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", database: { state: "up" } });
});
