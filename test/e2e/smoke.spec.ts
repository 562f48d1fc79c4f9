import { expect, expectNoAxeViolations, test } from "./fixtures";

test("home in English and Welsh @no-js", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get help with your information rights");
  await expectNoAxeViolations(page);
  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(/\/cy$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cael help gyda’ch hawliau gwybodaeth");
  await expectNoAxeViolations(page);
});

// The axe check itself can fail: a page given an unlabelled input and an image without a text
// alternative is refused (guards the scan's settings in fixtures.ts, and its cache of page shapes).
// The second runs without JavaScript only: there the scan reads a copy of the page (fixtures.ts).
for (const title of ["the axe check finds what is wrong", "the axe check finds what is wrong without JavaScript too @js-off-only"]) {
  test(title, async ({ page }) => {
    await page.goto("/accessibility");
    await page.evaluate(() => {
      const main = document.querySelector("main")!;
      main.insertAdjacentHTML("beforeend", '<input type="text" name="unlabelled"><img src="/favicon.ico">');
    });
    const failure = await expectNoAxeViolations(page).then(() => null, (error: Error) => error.message);
    expect(failure).toMatch(/label/);
    expect(failure).toMatch(/image-alt/);
  });
}
