// Live chat in Chromium: the widget embedded on a page served from a second local server
// (another port, so another origin), a customer chatting in Welsh with an adviser in a second
// browser context from start to rating, keyboard-only use, and axe on widget, /chat and console.
import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, inLang, LANGS, test, unique } from "./fixtures";

// The shared servers (test/e2e/global-setup.ts): chat always open on the main one, which accepts
// the widget embedded on the host page (another origin); a second one whose chat is closed.
const chat = { url: process.env.E2E_BASE_URL! };
const closed = { url: process.env.E2E_CLOSED_URL! };
const hostUrl = process.env.E2E_CHAT_HOST_URL!;

// One conversation after another on the shared adviser accounts; long journeys on a busy two-core machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });


async function adviserConsole(browser: Browser, who: { email: string; password: string }, lang: "en" | "cy"): Promise<Page> {
  const context = await browser.newContext({ baseURL: chat.url });
  const page = await context.newPage();
  await page.goto(inLang(lang, "/staff/sign-in"));
  await page.locator("#email").fill(who.email);
  await page.locator("#password").fill(who.password);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL(/\/staff(\?|$)/);
  await page.goto(inLang(lang, "/staff/chat"));
  await expect(page.locator("[data-connection=up]")).toBeVisible();
  return page;
}

test("a customer chats in Welsh on another website with a Welsh-speaking adviser, from start to rating", async ({ browser }) => {
  const adviser = await adviserConsole(browser, { email: "cynghorydd@doorstep.example", password: "demo-cynghorydd-2026" }, "cy");
  await adviser.getByRole("button", { name: "Gwneud fi ar gael" }).click();
  await expect(adviser.getByRole("button", { name: "Peidio â chymryd sgyrsiau newydd" })).toBeVisible();
  await expectNoAxeViolations(adviser);

  const customer = await (await browser.newContext()).newPage();
  await customer.goto(`${hostUrl}/cy`);
  const launcher = customer.getByRole("button", { name: "Sgwrsio â chynghorydd" });
  await expect(launcher).toBeVisible();
  // Nothing but the launcher until it is clicked: no iframe, no socket.
  await expect(customer.locator("iframe")).toHaveCount(0);
  await launcher.click();
  const frame = customer.frameLocator("#doorstep-chat-frame");
  await expect(frame.getByRole("heading", { level: 1, name: "Sgwrsio â chynghorydd" })).toBeVisible();
  await expect(frame.getByLabel("Cymraeg")).toBeChecked();
  await expectNoAxeViolations(customer);

  const name = unique("Gwen");
  await frame.getByLabel("Am beth mae eich cwestiwn?").selectOption("data_protection");
  await frame.getByLabel("Eich enw (dewisol)").fill(name);
  await frame.getByLabel(/Cadw trawsgrifiad/).check();
  await frame.getByRole("button", { name: "Dechrau sgwrs" }).click();

  // The adviser gets the chat automatically, with the customer's name and no flags. On two
  // instances the customer and the adviser may be on different ones: the assignment then reaches
  // the adviser through PostgreSQL (the instance's 2-second dispatch tick at worst), so on a busy
  // CI machine allow it more than the default 10 s.
  const panel = adviser.locator(".chat-panel", { hasText: name });
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText("Dim baneri addasiad")).toBeVisible();
  await expect(frame.getByText("Mae Catrin wedi ymuno â’r sgwrs.")).toBeVisible({ timeout: 30_000 });

  await frame.getByLabel("Eich neges").fill("Mae gen i gwestiwn am fy nata.");
  await frame.getByLabel("Eich neges").press("Enter");
  await expect(panel.getByRole("log").getByText("Mae gen i gwestiwn am fy nata.")).toBeVisible();

  await panel.getByLabel(`Ateb ${name}`).fill("Bore da, sut gallaf helpu?");
  await panel.getByRole("button", { name: "Anfon" }).click();
  await expect(frame.getByRole("log").getByText("Bore da, sut gallaf helpu?")).toBeVisible();
  await expectNoAxeViolations(customer);
  await expectNoAxeViolations(adviser);

  await panel.getByRole("button", { name: "Dod â’r sgwrs i ben" }).click();
  await expect(frame.getByRole("heading", { name: "Mae eich sgwrs wedi dod i ben" })).toBeVisible();
  await frame.getByLabel("Bodlon iawn").check();
  await frame.getByLabel(/Sut gallem wella/).fill("Cyflym iawn");
  await frame.getByRole("button", { name: "Anfon adborth" }).click();
  await expect(frame.getByText("Diolch am eich adborth.")).toBeVisible();
  await expectNoAxeViolations(customer);
  await customer.context().close();
  await adviser.context().close();
});

test("the widget can be used with the keyboard alone, and closes back to its launcher", async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(`${hostUrl}/`);
  const launcher = customer.getByRole("button", { name: "Chat with an adviser" });
  await expect(launcher).toBeVisible();
  await launcher.focus();
  await customer.keyboard.press("Enter");
  await expect(launcher).toBeHidden();
  const frame = customer.frameLocator("#doorstep-chat-frame");
  await expect(frame.getByRole("heading", { level: 1 })).toBeFocused();

  // Submitting without a topic: the error summary takes focus.
  await frame.getByRole("button", { name: "Start chat" }).focus();
  await customer.keyboard.press("Enter");
  await expect(frame.getByRole("alert")).toBeFocused();
  await expect(frame.getByRole("alert")).toContainText("Select what your question is about");

  await frame.getByRole("link", { name: "Select what your question is about" }).focus();
  await customer.keyboard.press("Enter");
  await expect(frame.locator("#topic")).toBeFocused();
  await frame.locator("#topic").selectOption("foi");
  for (let i = 0; i < 10; i++) {
    if (await frame.getByRole("button", { name: "Start chat" }).evaluate((el) => el === document.activeElement)) break;
    await customer.keyboard.press("Tab");
  }
  await expect(frame.getByRole("button", { name: "Start chat" })).toBeFocused();
  await customer.keyboard.press("Enter");
  await expect(frame.getByText(/You are number \d+ in the queue/)).toBeVisible();
  await expect(frame.getByLabel("Your message")).toBeVisible();

  await customer.keyboard.press("Escape");
  await expect(launcher).toBeVisible();
  await expect(launcher).toBeFocused();
  await customer.context().close();
});

for (const lang of LANGS) {
  test(`in a long conversation the message box, Send, End and Close stay in view at 640 px high (${lang})`, async ({ browser }) => {
    const customer = await (await browser.newContext({ viewport: { width: 1024, height: 640 } })).newPage();
    await customer.goto(`${hostUrl}${lang === "cy" ? "/cy" : "/"}`);
    await customer.getByRole("button", { name: lang === "cy" ? "Sgwrsio â chynghorydd" : "Chat with an adviser" }).click();
    const frame = customer.frameLocator("#doorstep-chat-frame");
    await frame.locator("#topic").selectOption("other");
    await frame.getByRole("button", { name: lang === "cy" ? "Dechrau sgwrs" : "Start chat" }).click();
    const box = frame.locator("#message");
    await expect(box).toBeVisible();
    const tag = unique("long");
    for (let i = 1; i <= 22; i++) {
      await box.fill(`${tag} message ${i}`);
      await box.press("Enter");
      await expect(frame.getByRole("log").getByText(`${tag} message ${i}`, { exact: true })).toBeVisible();
    }
    // Every message was stored (a receipt or the queue would not hide one), and the list itself scrolls.
    await expect(frame.locator(".msg--pending")).toHaveCount(0);
    const log = frame.getByRole("log");
    expect(await log.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await expect(frame.getByRole("log").getByText(`${tag} message 22`, { exact: true })).toBeInViewport();
    await expect(frame.getByRole("log").getByText(`${tag} message 1`, { exact: true })).not.toBeInViewport();
    for (const control of [
      box,
      frame.getByRole("button", { name: lang === "cy" ? "Anfon" : "Send", exact: true }),
      frame.getByRole("button", { name: lang === "cy" ? "Dod â’r sgwrs i ben" : "End chat" }),
      frame.locator(".chat__close"),
    ]) {
      await expect(control).toBeInViewport({ ratio: 1 });
    }
    // The frame fits the window: none of it is below the fold of the host page either.
    const rect = await customer.locator("#doorstep-chat-frame").boundingBox();
    expect(rect!.y + rect!.height).toBeLessThanOrEqual(640);
    await expectNoAxeViolations(customer);
    await customer.screenshot({ path: test.info().outputPath(`long-chat-${lang}.png`) });
    await customer.context().close();
  });

  // English with JavaScript and without; Welsh without only (a public page: no script but the launcher).
  test(`/chat explains the service, hours and other ways to contact us (${lang}) ${lang === "en" ? "@no-js" : "@js-off-only"}`, async ({ page }) => {
    await page.goto(`${chat.url}${inLang(lang, "/chat")}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "cy" ? "Sgwrsio â chynghorydd" : "Chat to an adviser");
    await expect(page.getByRole("link", { name: lang === "cy" ? "anfon cwestiwn atom gyda’n ffurflen ar-lein" : "send us a question with our online form" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

for (const [lang, path] of [
  ["en", "/concerns"],
  ["cy", "/report-nuisance"],
] as const) {
  test(`the chat launcher is offered on ${inLang(lang, path)}, and never on staff pages (${lang})`, async ({ page }) => {
    await page.goto(`${chat.url}${inLang(lang, path)}`);
    // The launcher is the page's only script (no other JavaScript on public pages), with this response's nonce.
    const scripts = page.locator("script");
    await expect(scripts).toHaveCount(1);
    await expect(scripts.first()).toHaveAttribute("src", "/widget.js");
    const launcher = page.getByRole("button", { name: lang === "cy" ? "Sgwrsio â chynghorydd" : "Chat with an adviser" });
    await expect(launcher).toBeVisible();
    await launcher.click();
    await expect(page.frameLocator("#doorstep-chat-frame").getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(`${chat.url}${inLang(lang, "/staff/sign-in")}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("script[src='/widget.js']")).toHaveCount(0);
    await expect(page.locator("#doorstep-chat-launcher")).toHaveCount(0);
  });
}

test.describe("when the chat is closed", () => {

  for (const lang of LANGS) {
    test(`the widget says so plainly, takes a message and offers other ways to contact us (${lang})`, async ({ page }) => {
      const cy = lang === "cy";
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.goto(`${closed.url}${inLang(lang, "/contact")}`);
      await page.getByRole("button", { name: cy ? "Sgwrsio â chynghorydd" : "Chat with an adviser" }).click();
      const frame = page.frameLocator("#doorstep-chat-frame");
      await expect(frame.getByRole("heading", { level: 1 })).toHaveText(cy ? "Mae’r sgwrs fyw ar gau" : "Live chat is closed");
      await expect(frame.getByRole("heading", { level: 1 })).toBeFocused();
      const body = frame.locator("main");
      // No half-filled sentence ("open Monday to Friday, , except …") when there are no hours to show.
      await expect(body).toContainText(cy ? "Nid yw ein cynghorwyr ar gael ar y sgwrs fyw ar hyn o bryd." : "Our advisers are not available on live chat at the moment.");
      await expect(body).not.toContainText(", ,");
      await expect(frame.getByRole("heading", { level: 2, name: cy ? "Gadael neges" : "Leave a message" })).toBeVisible();
      const other = frame.getByRole("link", { name: cy ? "Anfon cwestiwn atom gyda’n ffurflen ar-lein (yn agor mewn tab newydd)" : "Send us a question with our online form (opens in a new tab)" });
      await expect(other).toHaveAttribute("href", inLang(lang, "/contact"));
      await expect(other).toHaveAttribute("target", "_blank");
      await expect(frame.getByRole("link", { name: cy ? /Gwirio cynnydd achos/ : /Check the progress of a case/ })).toHaveAttribute("href", inLang(lang, "/track"));

      // Errors: the summary takes focus and each field says what is wrong.
      await frame.getByRole("button", { name: cy ? "Anfon neges" : "Send message" }).click();
      await expect(frame.getByRole("alert")).toBeFocused();
      await expect(frame.locator("#leave-email-error")).toBeVisible();
      await expect(frame.locator("#leave-email")).toHaveAttribute("aria-describedby", "leave-email-error");
      await expectNoAxeViolations(page);

      await frame.getByLabel(cy ? "Eich enw" : "Your name", { exact: true }).fill(unique("Closed"));
      await frame.getByLabel(cy ? "Eich cyfeiriad e-bost" : "Your email address").fill(`${unique("closed")}@example.com`);
      await frame.getByLabel(cy ? "Eich cwestiwn" : "Your question", { exact: true }).fill("Can I ask about my data?");
      await frame.getByRole("button", { name: cy ? "Anfon neges" : "Send message" }).click();
      await expect(frame.getByRole("heading", { level: 1 })).toHaveText(cy ? "Neges wedi’i hanfon" : "Message sent");
      await expect(frame.locator("main")).toContainText(/ENQ\d+/);
      await page.screenshot({ path: test.info().outputPath(`closed-${lang}.png`) });
    });

    test(`/chat says the chat is not available, without a broken sentence (${lang}) ${lang === "en" ? "@no-js" : "@js-off-only"}`, async ({ page }) => {
      await page.goto(`${closed.url}${inLang(lang, "/chat")}`);
      await expect(page.locator("main")).toContainText(lang === "cy" ? "Nid yw’r sgwrs fyw ar gael ar hyn o bryd." : "Live chat is not available at the moment.");
      await expect(page.locator("main")).not.toContainText(lang === "cy" ? "ddydd Gwener, ar gau" : "Friday, closed");
      await expectNoAxeViolations(page);
    });
  }
});

for (const lang of LANGS) {
  // Both languages with JavaScript, Welsh without it too. Without JavaScript it runs on the other
  // server (chat closed, its own database): the js-off project may run at the same time as this
  // file's serial js-on run, and both change the same demo adviser.
  test(`a manager sets which advisers speak Welsh and how many chats each takes at once (${lang})${lang === "cy" ? " @no-js" : ""}`, async ({ browser, javaScriptEnabled }) => {
    const cy = lang === "cy";
    const server = javaScriptEnabled ? chat.url : closed.url;
    const context = await browser.newContext({ baseURL: server, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(inLang(lang, "/staff/sign-in"));
    await page.locator("#email").fill("head@doorstep.example");
    await page.locator("#password").fill("demo-head-2026");
    await page.locator("main form button[type=submit]").click();
    await page.waitForURL(/\/staff(\?|$)/);
    await page.goto(inLang(lang, "/staff/advisers"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(cy ? "Cynghorwyr: Cymraeg a sgyrsiau ar y tro" : "Advisers: Welsh and chats at once");
    await expectNoAxeViolations(page);

    const welsh = page.getByLabel(cy ? "Yn siarad Cymraeg (Alex Adviser)" : "Speaks Welsh (Alex Adviser)");
    const capacity = page.getByLabel(cy ? "Sgyrsiau ar y tro i Alex Adviser" : "Chats at once for Alex Adviser");
    const save = page.getByRole("button", { name: cy ? "Cadw’r newidiadau" : "Save changes" });
    const before = { welsh: await welsh.isChecked(), capacity: await capacity.inputValue() };
    const next = { welsh: !before.welsh, capacity: before.capacity === "5" ? "2" : "5" };

    await welsh.setChecked(next.welsh);
    await capacity.selectOption(next.capacity);
    await save.click();
    await expect(page.getByTestId("saved")).toHaveText(cy ? "Wedi diweddaru 1 cynghorydd." : "1 adviser updated.");
    await expectNoAxeViolations(page);
    // Stored, not just shown: a fresh load has the new values.
    await page.goto(inLang(lang, "/staff/advisers"));
    await expect(welsh).toBeChecked({ checked: next.welsh });
    await expect(capacity).toHaveValue(next.capacity);

    // Saving without a change says so; then put the demo adviser back as it was.
    await save.click();
    await expect(page.getByTestId("saved")).toHaveText(cy ? "Dim newid." : "Nothing changed.");
    await welsh.setChecked(before.welsh);
    await capacity.selectOption(before.capacity);
    await save.click();
    await expect(page.getByTestId("saved")).toHaveText(cy ? "Wedi diweddaru 1 cynghorydd." : "1 adviser updated.");

    // A capacity outside 1–6 (only by editing the page) is refused with an error on that field.
    await capacity.evaluate((select: HTMLSelectElement) => {
      select.add(new Option("9", "9"));
      select.value = "9";
    }).catch(() => undefined);
    if (javaScriptEnabled) {
      await save.click();
      await expect(page.getByRole("alert")).toContainText(cy ? "Dewiswch faint o sgyrsiau y mae Alex Adviser yn eu cymryd ar y tro, o 1 i 6" : "Choose how many chats Alex Adviser takes at once, from 1 to 6");
      await expect(page).toHaveTitle(cy ? /^Gwall: / : /^Error: /);
      await expectNoAxeViolations(page);
    }
    await context.close();

    // Only managers and the Head of Customer Contact: an adviser is refused.
    const adviser = await browser.newContext({ baseURL: server, javaScriptEnabled });
    const other = await adviser.newPage();
    await other.goto(inLang(lang, "/staff/sign-in"));
    await other.locator("#email").fill("adviser@doorstep.example");
    await other.locator("#password").fill("demo-adviser-2026");
    await other.locator("main form button[type=submit]").click();
    await other.waitForURL(/\/staff(\?|$)/);
    const refused = await other.goto(inLang(lang, "/staff/advisers"));
    expect(refused?.status()).toBe(403);
    await adviser.close();
  });
}

// The manager's session this worker already holds (fixtures.ts), in one language after the other.
test("the supervisor view, canned replies and behaviour reviews pass axe in both languages", async ({ staffPage: page }) => {
  for (const lang of LANGS) {
    await page.goto(inLang(lang, "/staff/chat"));
    await expect(page.locator("[data-connection=up]")).toBeVisible();
    await expectNoAxeViolations(page);
    for (const path of ["/staff/chat/monitor", "/staff/chat/canned", "/staff/chat/behaviour"]) {
      await page.goto(inLang(lang, path));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  }
});
