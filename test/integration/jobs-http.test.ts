// /staff/jobs on the real production server, as a browser without JavaScript: managers and
// admins see every background job with its timetable (the server scheduled them at start) in
// English and Welsh; other roles are refused.
import { describe, expect, inject, it } from "vitest";
import { signedIn as signInAs } from "../support/staff";

const baseUrl = inject("baseUrl");

const signedIn = (who: "officer" | "manager" | "admin") => signInAs(baseUrl, who);

describe("/staff/jobs", () => {
  it("shows managers and admins each job and its timetable, in English and Welsh; officers are refused", async () => {
    const officer = await signedIn("officer");
    expect((await officer.get("/staff/jobs")).status).toBe(403);
    for (const who of ["manager", "admin"] as const) {
      const staff = await signedIn(who);
      // The queue starts just after the server answers: wait for its timetables.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const res = await staff.get("/staff/jobs");
        expect(res.status).toBe(200);
        if (staff.lastHtml.includes("*/15 * * * *") || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const html = staff.lastHtml;
      expect(html).toContain("Background jobs");
      // Staff pages carry their translations for hydration: look at what the page shows.
      expect(html.replace(/<script[\s\S]*?<\/script>/g, "")).not.toContain("not running");
      for (const job of ["mail-deliver", "retention-records", "retention-sessions", "retention-drafts", "retention-nuisance", "chat-housekeeping"]) expect(html).toContain(`data-job="${job}"`);
      expect(html).toContain("Delete records past their retention period");
      expect(html).toContain("30 2 * * *");
      expect((await staff.get("/cy/staff/jobs")).status).toBe(200);
      expect(staff.lastHtml).toContain("Tasgau cefndir");
      expect(staff.lastHtml).toContain("Dileu cofnodion ar ôl eu cyfnod cadw");
      expect(staff.lastHtml).not.toContain("staff-jobs:");
    }
  }, 180_000);
});
