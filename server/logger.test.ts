import { describe, expect, it } from "vitest";
import { safePath } from "./logger";

describe("safePath", () => {
  it.each([
    ["/concerns/resume/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA", "/concerns/resume/:token"],
    ["/cy/concerns/resume/short", "/cy/concerns/resume/:token"],
    ["/adjustments/consent/AbCdEf0123456789xyz_-abc", "/adjustments/consent/:token"],
    ["/adjustments/consent/AbCdEf0123456789xyz.data", "/adjustments/consent/:token.data"],
    ["/staff/offenders/sender/spam%40example.com", "/staff/offenders/sender/:key"],
    ["/staff/offenders/number/+447700900123", "/staff/offenders/number/:key"],
    ["/staff/offenders/company/Acme%20Windows/csv", "/staff/offenders/company/:key/csv"],
    ["/number/07700%20900%20123", "/number/:phone"],
    ["/anything/sam%40example.com", "/anything/:email"],
    ["/staff/cases/RFA0012345", "/staff/cases/:reference"],
    ["/staff/cases/FS50012345?done=note", "/staff/cases/:reference"],
    ["/cy/staff/adjustments/ADJ0000001/sensitive", "/cy/staff/adjustments/:reference/sensitive"],
    ["/staff/mail/0b7c6a8e-1d2f-4c3b-9a8e-7f6e5d4c3b2a/files/1", "/staff/mail/:id/files/1"],
  ])("%s → %s", (url, expected) => {
    expect(safePath(url)).toBe(expected);
  });

  it("leaves ordinary words and steps alone", () => {
    for (const path of ["/", "/report-nuisance/your-details", "/concerns/q/organisation-type", "/staff/offenders", "/cy/adjustments/about-you", "/assets/entry.client-BHd2x.js", "/staff/subject-access.json"]) {
      expect(safePath(path)).toBe(path);
    }
  });
});
