import { describe, expect, it } from "vitest";
import { UPLOAD_LIMITS } from "../domain/concerns/uploads.js";
import { formBodyLimit } from "./app";

describe("formBodyLimit", () => {
  it.each([
    ["/concerns/report/files", UPLOAD_LIMITS.maxRequestBytes],
    ["/cy/concerns/report/files", UPLOAD_LIMITS.maxRequestBytes],
    ["/concerns/report/files.data", UPLOAD_LIMITS.maxRequestBytes],
    ["/concerns/report/details", 1_000_000],
    ["/concerns/report/files/extra", 1_000_000],
    ["/contact", 1_000_000],
    ["/xconcerns/report/files", 1_000_000],
  ])("%s may post %d bytes", (path, limit) => {
    expect(formBodyLimit(path, 1_000_000)).toBe(limit);
  });
  it("never lowers a larger configured limit", () => {
    expect(formBodyLimit("/concerns/report/files", 100_000_000)).toBe(100_000_000);
  });
});
