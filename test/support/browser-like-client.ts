// A tiny HTTP client that behaves like a browser without JavaScript: it keeps cookies,
// reads the CSRF token from each page and posts forms. Used by the integration tests.
export class BrowserLikeClient {
  private cookies = new Map<string, string>();
  lastHtml = "";

  constructor(private readonly baseUrl: string) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(this.baseUrl + path, { ...init, redirect: "manual", headers: { cookie: this.cookieHeader(), accept: "text/html", ...(init.headers ?? {}) } });
    this.remember(response);
    if ((response.headers.get("content-type") ?? "").includes("text/html")) this.lastHtml = await response.clone().text();
    return response;
  }

  /** Follows redirects like a browser (GET after a 302/303). */
  async follow(response: Response): Promise<Response> {
    let current = response;
    for (let hops = 0; hops < 5 && current.status >= 300 && current.status < 400; hops++) {
      const location = current.headers.get("location")!;
      current = await this.get(location.startsWith("http") ? new URL(location).pathname + new URL(location).search : location);
    }
    return current;
  }

  csrfToken(html = this.lastHtml): string {
    const match = /name="csrf" value="([^"]*)"/.exec(html);
    if (!match) throw new Error("no csrf field on the page");
    return match[1]!;
  }

  async post(path: string, fields: Record<string, string>, options: { csrf?: string | null; headers?: Record<string, string> } = {}): Promise<Response> {
    const body = new URLSearchParams(fields);
    if (options.csrf !== null) body.set("csrf", options.csrf ?? this.csrfToken());
    const response = await fetch(this.baseUrl + path, {
      method: "POST",
      redirect: "manual",
      body,
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded", accept: "text/html", ...(options.headers ?? {}) },
    });
    this.remember(response);
    if ((response.headers.get("content-type") ?? "").includes("text/html")) this.lastHtml = await response.clone().text();
    return response;
  }
}
