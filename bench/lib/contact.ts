// Getting what a real browser has before it posts the contact form: the CSRF cookie,
// the token from the page's hidden input, and the session cookie the first post sets.
export const QUESTION =
  "I asked my landlord for a copy of the personal information they hold about me six weeks ago " +
  "and have not had a reply. What can I do next, and how long should I expect to wait?";

export type ContactForm = { url: string; cookie: string; body: string; location: string };

function cookieValue(res: Response, name: string): string | undefined {
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const index = pair!.indexOf("=");
    if (pair!.slice(0, index).trim() === name) return pair!.slice(index + 1).trim();
  }
  return undefined;
}

function hiddenInput(html: string, name: string): string | undefined {
  for (const match of html.matchAll(/<input\b[^>]*>/gi)) {
    const tag = match[0];
    if (new RegExp(`\\bname="${name}"`).test(tag)) return /\bvalue="([^"]*)"/.exec(tag)?.[1];
  }
  return undefined;
}

/** Performs the warm-up post and checks it answers 302 → /contact/details. */
export async function prepareContactForm(origin: string): Promise<ContactForm> {
  const url = new URL("/contact", origin).href;
  const page = await fetch(url);
  if (page.status !== 200) throw new Error(`GET /contact answered ${page.status}`);
  const csrfCookie = cookieValue(page, "doorstep_csrf");
  const token = hiddenInput(await page.text(), "csrf");
  if (!csrfCookie) throw new Error("GET /contact set no doorstep_csrf cookie");
  if (!token) throw new Error('GET /contact has no <input name="csrf">');

  let body = new URLSearchParams({ csrf: token, question: QUESTION }).toString();
  const post = async (cookie: string) =>
    fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin },
      body,
    });

  const first = await post(`doorstep_csrf=${csrfCookie}`);
  const location = first.headers.get("location") ?? "";
  if (first.status !== 302 || !location.endsWith("/contact/details")) {
    throw new Error(`the warm-up POST /contact answered ${first.status} ${location} (expected 302 → /contact/details)`);
  }
  const session = cookieValue(first, "doorstep_session");
  if (!session) throw new Error("the warm-up POST /contact set no doorstep_session cookie");
  await first.arrayBuffer();

  // The form token is bound to the session (server/http/csrf.ts), so a browser part-way through
  // the journey holds the token of the page it was given after its first post: read it again.
  const cookie = `doorstep_csrf=${csrfCookie}; doorstep_session=${session}`;
  const again = await fetch(url, { headers: { cookie } });
  const sessionToken = hiddenInput(await again.text(), "csrf");
  if (again.status !== 200 || !sessionToken) throw new Error(`GET /contact with a session answered ${again.status} without a form token`);
  body = new URLSearchParams({ csrf: sessionToken, question: QUESTION }).toString();
  const second = await post(cookie);
  await second.arrayBuffer();
  if (second.status !== 302 || !(second.headers.get("location") ?? "").endsWith("/contact/details")) {
    throw new Error(`POST /contact with a session answered ${second.status} ${second.headers.get("location") ?? ""}`);
  }
  return { url, cookie, body, location };
}
