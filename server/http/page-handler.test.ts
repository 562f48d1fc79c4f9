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
