// A tiny HTTP client that behaves like a browser without JavaScript: it keeps cookies,
// reads the CSRF token from each page and posts forms. Used by the integration tests, and by the
// hostile tests (test/hostile), which also post repeated field names, files and odd MIME types
// from an address of their own (`headers`, sent with every request).
/** A form's fields: a record, or pairs where one name may come more than once (checkboxes, attacks). */
export type FormFields = Record<string, string> | [string, string][];
export type Upload = { field: string; name: string; bytes: Uint8Array; type?: string };

export class BrowserLikeClient {
  private readonly cookies = new Map<string, string>();
  lastHtml = "";

  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** The value of one cookie this browser holds. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
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

  /** Every answer passes here: cookies kept, the page's text read. */
  protected async received(response: Response): Promise<Response> {
    this.remember(response);
    if ((response.headers.get("content-type") ?? "").includes("text/html")) this.lastHtml = await response.clone().text();
    return response;
  }

  async get(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      ...init,
      redirect: "manual",
      headers: { cookie: this.cookieHeader(), accept: "text/html", ...this.headers, ...((init.headers as Record<string, string>) ?? {}) },
    });
    return this.received(response);
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

  /**
   * Posts a form: urlencoded, or multipart with `files` or `multipart`. `csrf`: the token to send
   * (default: the one on the last page; null: none).
   */
  async post(path: string, fields: FormFields, options: { csrf?: string | null; headers?: Record<string, string>; files?: Upload[]; multipart?: boolean } = {}): Promise<Response> {
    const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
    const csrf = options.csrf === undefined ? this.csrfToken() : options.csrf;
    const headers: Record<string, string> = { cookie: this.cookieHeader(), accept: "text/html", ...this.headers };
    const multipart = Boolean(options.files || options.multipart);
    // The token first, then every field as given (a repeated name stays repeated).
    const body = multipart ? new FormData() : new URLSearchParams();
    for (const [k, v] of csrf === null ? pairs : [["csrf", csrf] as [string, string], ...pairs]) body.append(k, v);
    if (body instanceof FormData) {
      for (const f of options.files ?? []) body.append(f.field, new File([Buffer.from(f.bytes)], f.name, { type: (f.type ?? "text/plain").replace(/[\r\n]/g, "") }));
    } else headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(this.baseUrl + path, { method: "POST", redirect: "manual", body, headers: { ...headers, ...(options.headers ?? {}) } });
    return this.received(response);
  }
}
