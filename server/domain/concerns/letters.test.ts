import i18next from "i18next";
import { describe, expect, it } from "vitest";
import cyLetters from "../../../locales/cy/letters-concerns.json";
import enLetters from "../../../locales/en/letters-concerns.json";
import type { Answers } from "./answers.js";
import { composeLetter, letterAsText, letterFacts, LETTER_KINDS, lettersInOrder, type LetterLanguage, type Translate } from "./letters.js";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { letters: enLetters }, cy: { letters: cyLetters } },
  fallbackLng: false,
  defaultNS: "letters",
  interpolation: { escapeValue: false },
  initAsync: false,
});
const t = (lang: LetterLanguage) => i18n.getFixedT(lang, "letters") as unknown as Translate;
const MONTHS: Record<LetterLanguage, string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  cy: ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"],
};
const formatDate = (iso: string, lang: LetterLanguage) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[lang][m! - 1]} ${y}`;
};
const compose = (kind: (typeof LETTER_KINDS)[number], answers: Answers, lang: LetterLanguage) => composeLetter(letterFacts(kind, answers, "2026-03-25"), lang, t(lang), formatDate);

const foi: Answers = { topic: "foi", organisation: "Cyngor Sir Enghraifft", raisedOn: "2026-02-02", replied: "yes", repliedOn: "2026-03-02", reviewRequested: "no" };

describe("the internal review letter", () => {
  it("in English: the authority, both dates, the Act and what the law expects", () => {
    const letter = compose("foi_internal_review", foi, "en");
    expect(letter.recipient).toBe("Cyngor Sir Enghraifft");
    expect(letter.date).toBe("25 March 2026");
    expect(letter.subject).toBe("Request for an internal review of my freedom of information request of 2 February 2026");
    expect(letter.paragraphs[0]).toBe("On 2 February 2026 I asked you for information under the Freedom of Information Act 2000. You replied on 2 March 2026.");
    expect(letter.paragraphs.join(" ")).toContain("20 working days");
    expect(letter.salutation).toBe("Dear Sir or Madam,");
  });

  it("in Welsh: the same facts in Welsh, with Welsh month names", () => {
    const letter = compose("foi_internal_review", foi, "cy");
    expect(letter.date).toBe("25 Mawrth 2026");
    expect(letter.subject).toBe("Cais am adolygiad mewnol o fy nghais rhyddid gwybodaeth dyddiedig 2 Chwefror 2026");
    expect(letter.paragraphs[0]).toBe("Ar 2 Chwefror 2026 gofynnais i chi am wybodaeth o dan Ddeddf Rhyddid Gwybodaeth 2000. Gwnaethoch ateb ar 2 Mawrth 2026.");
    expect(letter.salutation).toBe("Annwyl Syr neu Fadam,");
    expect(letter.closing).toBe("Yn gywir,");
  });

  it("for environmental information: the Regulations and their 40 working days", () => {
    const en = compose("foi_internal_review", { ...foi, topic: "eir" }, "en");
    expect(en.paragraphs[0]).toContain("Environmental Information Regulations 2004");
    expect(en.paragraphs.join(" ")).toContain("40 working days");
    const cy = compose("foi_internal_review", { ...foi, topic: "eir" }, "cy");
    expect(cy.paragraphs[0]).toContain("Reoliadau Gwybodaeth Amgylcheddol 2004");
  });
});

describe("the subject access chase letter", () => {
  const sar: Answers = { topic: "personal", whatHappened: "sar", organisation: "Acme Ltd", raisedOn: "2026-02-03", extended: "no" };
  it("says when the month ended, in both languages", () => {
    const en = compose("sar_chase", sar, "en");
    expect(en.paragraphs[1]).toBe("The law gives you one calendar month to reply. That time ended on 3 March 2026, and I have not had your reply.");
    expect(en.paragraphs[0]).toContain("Article 15");
    const cy = compose("sar_chase", sar, "cy");
    expect(cy.paragraphs[1]).toContain("3 Mawrth 2026");
    expect(cy.subject).toBe("Cais gwrthrych am wybodaeth a wnaed ar 3 Chwefror 2026");
  });
  it("counts the extension when they asked for more time", () => {
    const en = compose("sar_chase", { ...sar, extended: "yes" }, "en");
    // 3 May 2026 is a Sunday and 4 May a bank holiday.
    expect(en.paragraphs[1]).toContain("5 May 2026");
    expect(en.paragraphs[1]).toContain("more time");
  });
});

describe("the letters for raising it first", () => {
  it.each([
    ["correction", { topic: "personal", whatHappened: "wrong_info" }, "Request to correct my personal information", "Article 16", "Cais i gywiro fy ngwybodaeth bersonol"],
    ["correction", { topic: "credit" }, "Request to correct my credit file", "section 159 of the Consumer Credit Act 1974", "Cais i gywiro fy ffeil gredyd"],
    ["objection_erasure", { topic: "personal", whatHappened: "misuse" }, "Objection to the use of my personal information, and request to delete it", "Article 17", "Gwrthwynebiad i’r defnydd o fy ngwybodaeth bersonol, a chais i’w dileu"],
    ["concern", { topic: "personal", whatHappened: "breach" }, "A concern about a security breach affecting my personal information", "what information was affected", "Pryder am doriad diogelwch sy’n effeithio ar fy ngwybodaeth bersonol"],
    ["concern", { topic: "personal", whatHappened: "cctv" }, "A concern about CCTV images of me", "one calendar month", "Pryder am ddelweddau teledu cylch cyfyng (CCTV) ohonof"],
    ["concern", { topic: "personal", whatHappened: "other" }, "A concern about how you have handled my personal information", "one calendar month", "Pryder am sut rydych wedi trin fy ngwybodaeth bersonol"],
  ] as const)("%s (%o)", (kind, answers, subject, law, welshSubject) => {
    const en = compose(kind, { ...answers, organisation: "Acme Ltd" } as Answers, "en");
    expect(en.subject).toBe(subject);
    expect(en.paragraphs.join(" ")).toContain(law);
    expect(en.recipient).toBe("Acme Ltd");
    expect(compose(kind, { ...answers, organisation: "Acme Ltd" } as Answers, "cy").subject).toBe(welshSubject);
  });
});

describe("every letter in both languages", () => {
  const answersFor = { topic: "personal", whatHappened: "other", organisation: "Org", raisedOn: "2026-01-01", repliedOn: "2026-01-20" } as Answers;
  it.each(LETTER_KINDS.flatMap((kind) => (["en", "cy"] as const).map((lang) => [kind, lang] as const)))("%s in %s has no missing text", (kind, lang) => {
    const letter = compose(kind, answersFor, lang);
    const text = letterAsText(letter);
    // A missing key comes back as the key itself ("sar_chase.intro").
    expect(text).not.toMatch(/\b(sar_chase|correction|objection_erasure|concern|foi_internal_review|common)\.[a-zA-Z]/);
    expect(text).not.toContain("{{");
    expect(letter.paragraphs.length).toBeGreaterThanOrEqual(4);
  });
  it("puts Welsh first when both languages are wanted", () => {
    expect(lettersInOrder("both")).toEqual(["cy", "en"]);
    expect(lettersInOrder("en")).toEqual(["en"]);
  });
  it("keeps script in a name as plain text (the page and PDF escape or draw it)", () => {
    const letter = compose("concern", { ...answersFor, organisation: "<script>alert(1)</script>" }, "en");
    expect(letter.recipient).toBe("<script>alert(1)</script>");
  });
});
