// The outage path for data requests (JavaScript on): handleError recognises the database being
// unreachable for this request, and handleDataRequest then sends the browser to the page as a
// whole document (the 503 "try again" page). The real outage is test/faults/postgres-outage.test.ts.
import { describe, expect, it } from "vitest";
import type { AppLoadContext } from "react-router";
import { handleDataRequest, handleError } from "./entry.server";

const unreachable = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const request = (url: string) => new Request(url);
const encoded = () => new Response("[]", { status: 200, headers: { "Content-Type": "text/x-script" } });

describe("a data request in a database outage", () => {
  it("is sent to its page as a whole-document load", async () => {
    const context = {} as AppLoadContext;
    const req = request("http://localhost/cy/staff/cases.data?queue=12&_routes=routes%2Fstaff.cases");
    handleError(unreachable, { request: req, context, params: {} });
    const res = await handleDataRequest(encoded(), { request: req, context, params: {} });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/cy/staff/cases?queue=12");
    expect(res.headers.get("x-remix-reload-document")).toBe("true");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("is left alone when the failure was something else, or another request's", async () => {
    const context = {} as AppLoadContext;
    const other = {} as AppLoadContext;
    const req = request("http://localhost/staff.data");
    handleError(unreachable, { request: req, context: other, params: {} });
    const original = encoded();
    expect(await handleDataRequest(original, { request: req, context, params: {} })).toBe(original);
    const quiet = console.error;
    console.error = () => {};
    try {
      handleError(new Error("a bug"), { request: req, context, params: {} });
    } finally {
      console.error = quiet;
    }
    expect(await handleDataRequest(original, { request: req, context, params: {} })).toBe(original);
  });
});
