// The correspondence constants staff pages render with: browser-safe (no Node or database
// imports), so a component may import them without pulling the mail server into the browser.
export const INTAKE_CHANNELS = ["phone", "letter", "email"] as const;
export const MAIL_LISTS = ["triage", "held", "ignored", "joined"] as const;
export type MailList = (typeof MAIL_LISTS)[number];
export const MAIL_PAGE_SIZE = 50;
