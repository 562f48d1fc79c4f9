import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, pageOfDataRequest } from "./unavailable";

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection deep in the cause chain", Object.assign(new Error("driver failed"), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) })],
    ["PostgreSQL shutting down (57P01)", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["a connection exception class 08", { code: "08006", message: "connection failure" }],
    ["Prisma's transaction that could not start", Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" })],
    ["pg's terminated connection", new Error("Connection terminated unexpectedly")],
    // The sql helper (server/db.ts) sends hot-path statements to pg's pool without Prisma's wrapping.
    ["pg's client after a socket error", new Error("Client has encountered a connection error and is not queryable")],
    ["pg's closed client", new Error("Client was closed and is not queryable")],
    ["pg's read timeout", new Error("Query read timeout")],
    ["a raw query cut off by PostgreSQL stopping", Object.assign(new Error("Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`"), { code: "P2010" })],
    [
      "Prisma's model query with the driver's error under meta",
      Object.assign(new Error("Invalid `prisma.case.create()` invocation"), { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "57P01", kind: "postgres" } } } }),
    ],
  ])("recognises %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["nothing", undefined],
  ])("does not mistake %s for an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("pageOfDataRequest", () => {
  it.each([
    ["http://x/_root.data", "/"],
    ["http://x/_root.data?_routes=root,routes%2Fhome", "/"],
    ["http://x/cy.data", "/cy"],
    ["http://x/concerns/q/topic.data?_routes=routes%2Fconcerns.q.%24step", "/concerns/q/topic"],
    ["http://x/cy/track.data?index&_routes=routes%2Ftrack", "/cy/track"],
    ["http://x/staff/cases.data?queue=12&page=2&_routes=x", "/staff/cases?queue=12&page=2"],
    ["http://x/staff/cases/_.data", "/staff/cases"],
  ])("%s → %s", (dataUrl, page) => {
    expect(pageOfDataRequest(dataUrl)).toBe(page);
  });
});
