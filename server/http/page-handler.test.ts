import type { ServerBuild } from "react-router";
import { describe, expect, it } from "vitest";
import { reactRouterHandler } from "./page-handler";

// The smallest build React Router serves: one resource route answering "ok".
const build = {
  entry: { module: { default: () => new Response("page") } },
  routes: { "routes/ping": { id: "routes/ping", path: "ping", module: { loader: () => new Response("ok") } } },
  assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "1" },
  future: {},
  publicPath: "/",
  assetsBuildDirectory: "",
  basename: "/",
  ssr: true,
  isSpaMode: false,
  prerender: [],
  routeDiscovery: { mode: "initial" },
} as unknown as ServerBuild;

describe("reactRouterHandler", () => {
  it("in production resolves the build once, so React Router derives its route tables once", async () => {
    let calls = 0;
    const handle = reactRouterHandler(async () => (calls++, build), "production");
    for (let i = 0; i < 3; i++) {
      const res = await handle(new Request("http://localhost/ping"));
      expect(await res.text()).toBe("ok");
    }
    expect(calls).toBe(1);
  });

  it("in development asks for the build on every request (a new one after a change)", async () => {
    let calls = 0;
    const handle = reactRouterHandler(async () => (calls++, build), "development");
    for (let i = 0; i < 3; i++) await (await handle(new Request("http://localhost/ping"))).text();
    expect(calls).toBe(3);
  });
});

describe("createPageHandler's cache of anonymous pages", () => {
  it("renders a page once for visitors who arrive together, each answered with their own nonce and token", async () => {
    const express = (await import("express")).default;
    const { createPageHandler } = await import("./page-handler");
    let renders = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const pageBuild = {
      ...build,
      entry: {
        module: {
          default: async (_request: Request, status: number, _headers: Headers, _context: unknown, load: { nonce: string; csrfToken: string }) => {
            renders++;
            await held; // the first render is still going when the others arrive
            return new Response(`<p nonce="${load.nonce}">${load.csrfToken}</p>`, { status, headers: { "content-type": "text/html", "x-page-cache-ttl": "60" } });
          },
        },
      },
      routes: { root: { id: "root", path: "", module: { default: () => null } } },
    } as unknown as ServerBuild;
    const app = express();
    let n = 0;
    app.use((_req, res, next) => {
      n++;
      res.locals.nonce = `nonce${n}`;
      res.locals.csrfToken = `token${n}`;
      next();
    });
    app.use(
      createPageHandler({
        build: async () => pageBuild,
        mode: "production",
        cacheEntries: 10,
        serverTiming: false,
        getLoadContext: (_req, res) => ({ nonce: res.locals.nonce, csrfToken: res.locals.csrfToken }) as never,
      }),
    );
    const server = app.listen(0);
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
      const answers = Array.from({ length: 5 }, () => fetch(url).then((r) => r.text()));
      await expect.poll(() => renders).toBe(1);
      await new Promise((r) => setTimeout(r, 50)); // the others are waiting, not rendering
      release();
      const bodies = await Promise.all(answers);
      expect(renders).toBe(1);
      expect(new Set(bodies).size).toBe(5);
      for (const body of bodies) expect(body).toMatch(/^<p nonce="nonce(\d)">token\1<\/p>$/);
    } finally {
      server.close();
    }
  });
});
