// Every page exists twice: in English at its path and in Welsh under /cy.
import { index, layout, route, type RouteConfig, type RouteConfigEntry } from "@react-router/dev/routes";

type Page = { path: string | null; file: string; id: string; children?: Page[] };

const page = (path: string | null, file: string, id = file.replace(/^routes\//, "").replace(/\.tsx$/, "")): Page => ({ path, file, id });
const group = (file: string, id: string, children: Page[]): Page => ({ path: null, file, id, children });

const pages: Page[] = [
  page("", "routes/home.tsx"),
  page("contact", "routes/contact.tsx"),
  page("contact/details", "routes/contact.details.tsx"),
  page("contact/check", "routes/contact.check.tsx"),
  page("contact/confirmation", "routes/contact.confirmation.tsx"),
  page("concerns", "routes/concerns._index.tsx"),
  page("concerns/q/:step", "routes/concerns.q.$step.tsx"),
  page("concerns/result", "routes/concerns.result.tsx"),
  page("concerns/letter/:kind", "routes/concerns.letter.$kind.tsx"),
  page("concerns/letter/:kind/pdf", "routes/concerns.letter.$kind.pdf.tsx"),
  page("concerns/report/files", "routes/concerns.report.files.tsx"),
  page("concerns/report/check", "routes/concerns.report.check.tsx"),
  page("concerns/report/confirmation", "routes/concerns.report.confirmation.tsx"),
  page("concerns/report/:step", "routes/concerns.report.$step.tsx"),
  page("concerns/save", "routes/concerns.save.tsx"),
  page("concerns/saved", "routes/concerns.saved.tsx"),
  page("concerns/resume/:token", "routes/concerns.resume.$token.tsx"),
  page("concerns/remind", "routes/concerns.remind.tsx"),
  page("reminders/stop/:token", "routes/reminders.stop.$token.tsx"),
  page("report-nuisance", "routes/report-nuisance._index.tsx"),
  page("report-nuisance/kind", "routes/report-nuisance.kind.tsx"),
  page("report-nuisance/contact/:id", "routes/report-nuisance.contact.$id.tsx"),
  page("report-nuisance/contact/:id/remove", "routes/report-nuisance.contact.$id.remove.tsx"),
  page("report-nuisance/contacts", "routes/report-nuisance.contacts.tsx"),
  page("report-nuisance/about-you", "routes/report-nuisance.about-you.tsx"),
  page("report-nuisance/your-details", "routes/report-nuisance.your-details.tsx"),
  page("report-nuisance/check", "routes/report-nuisance.check.tsx"),
  page("report-nuisance/confirmation", "routes/report-nuisance.confirmation.tsx"),
  page("adjustments", "routes/adjustments.tsx"),
  page("adjustments/needs", "routes/adjustments.needs.tsx"),
  page("adjustments/more", "routes/adjustments.more.tsx"),
  page("adjustments/duration", "routes/adjustments.duration.tsx"),
  page("adjustments/case", "routes/adjustments.case.tsx"),
  page("adjustments/about-you", "routes/adjustments.about-you.tsx"),
  page("adjustments/contact", "routes/adjustments.contact.tsx"),
  page("adjustments/reply", "routes/adjustments.reply.tsx"),
  page("adjustments/check", "routes/adjustments.check.tsx"),
  page("adjustments/confirmation", "routes/adjustments.confirmation.tsx"),
  page("adjustments/consent/:token", "routes/adjustments.consent.$token.tsx"),
  page("chat", "routes/chat.tsx"),
  page("track", "routes/track.tsx"),
  page("track/case/:token", "routes/track.case.$token.tsx"),
  page("track/record/:token", "routes/track.record.$token.tsx"),
  page("complain", "routes/complain.tsx"),
  page("accessibility", "routes/accessibility.tsx"),
  page("privacy", "routes/privacy.tsx"),
  page("cookies", "routes/cookies.tsx"),
  page("staff/sign-in", "routes/staff.sign-in.tsx"),
  page("staff/sign-in/code", "routes/staff.sign-in.code.tsx"),
  page("staff/two-step", "routes/staff.two-step.tsx"),
  page("staff/cases/:reference/attachments/:id", "routes/staff.cases.$reference.attachments.$id.tsx"),
  page("staff/sign-out", "routes/staff.sign-out.tsx"),
  page("staff/offenders/csv", "routes/staff.offenders.csv.tsx"),
  page("staff/offenders/eml/:id", "routes/staff.offenders.eml.$id.tsx"),
  page("staff/offenders/:dimension/:key/csv", "routes/staff.offenders.$dimension.$key.csv.tsx"),
  page("staff/cases.csv", "routes/staff.cases.csv.tsx"),
  page("staff/reports/welsh.csv", "routes/staff.reports.welsh.csv.tsx"),
  page("staff/subject-access.json", "routes/staff.subject-access.json.tsx"),
  page("staff/mail/:id/files/:fileId", "routes/staff.mail.$id.files.$fileId.tsx"),
  page("staff/cases/:reference/letters/:id", "routes/staff.cases.$reference.letters.$id.tsx"),
  group("routes/staff.tsx", "staff-layout", [
    page("staff", "routes/staff._index.tsx"),
    page("staff/cases", "routes/staff.cases.tsx"),
    page("staff/cases/:reference", "routes/staff.cases.$reference.tsx"),
    page("staff/offenders", "routes/staff.offenders.tsx"),
    page("staff/offenders/:dimension/:key", "routes/staff.offenders.$dimension.$key.tsx"),
    page("staff/back-office", "routes/staff.back-office.tsx"),
    page("staff/dead-letters", "routes/staff.dead-letters.tsx"),
    page("staff/jobs", "routes/staff.jobs.tsx"),
    page("staff/api-tokens", "routes/staff.api-tokens.tsx"),
    page("staff/reports/welsh", "routes/staff.reports.welsh.tsx"),
    page("staff/audit", "routes/staff.audit.tsx"),
    page("staff/retention", "routes/staff.retention.tsx"),
    page("staff/subject-access", "routes/staff.subject-access.tsx"),
    page("staff/adjustments", "routes/staff.adjustments.tsx"),
    page("staff/adjustments/:reference", "routes/staff.adjustments.$reference.tsx"),
    page("staff/adjustments/:reference/decide", "routes/staff.adjustments.$reference.decide.tsx"),
    page("staff/adjustments/:reference/sensitive", "routes/staff.adjustments.$reference.sensitive.tsx"),
    page("staff/adjustments/:reference/review", "routes/staff.adjustments.$reference.review.tsx"),
    page("staff/adjustments/:reference/remove", "routes/staff.adjustments.$reference.remove.tsx"),
    page("staff/adjustments/:reference/conference", "routes/staff.adjustments.$reference.conference.tsx"),
    page("staff/mail", "routes/staff.mail.tsx"),
    page("staff/mail/:id", "routes/staff.mail.$id.tsx"),
    page("staff/intake", "routes/staff.intake.tsx"),
    page("staff/cases/:reference/write", "routes/staff.cases.$reference.write.tsx"),
    page("staff/chat", "routes/staff.chat.tsx"),
    page("staff/chat/monitor", "routes/staff.chat.monitor.tsx"),
    page("staff/chat/canned", "routes/staff.chat.canned.tsx"),
    page("staff/chat/behaviour", "routes/staff.chat.behaviour.tsx"),
    page("staff/advisers", "routes/staff.advisers.tsx"),
  ]),
  page("*", "routes/not-found.tsx"),
];

function build(list: Page[], lang: "en" | "cy"): RouteConfigEntry[] {
  return list.map((p) => {
    const id = lang === "cy" ? `cy/${p.id}` : p.id;
    if (p.children) return layout(p.file, { id }, build(p.children, lang));
    if (p.path === "") return lang === "cy" ? route("cy", p.file, { id }) : index(p.file, { id });
    return route(lang === "cy" ? `cy/${p.path}` : p.path!, p.file, { id });
  });
}

export default [...build(pages, "en"), ...build(pages, "cy")] satisfies RouteConfig;
