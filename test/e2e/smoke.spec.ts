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
