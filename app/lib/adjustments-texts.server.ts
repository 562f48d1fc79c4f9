// The words of adjustment emails and flags, in both languages, from locales/*/email-adjustments.json
// and staff-adjustments.json. Emails come in the customer's chosen format where email can carry it.
import type { TFunction } from "i18next";
import { emailStyleFor, renderHtml, renderText, type EmailBlock } from "../../server/domain/adjustments/email-format";
import type { AgreeableCode, Need } from "../../server/domain/adjustments/codes";
import type { AdjustmentTexts, DecisionForTexts, OutgoingEmail, RequestForTexts } from "../../server/adjustments";
import { flagSummary } from "../../server/domain/adjustments/summary";
import { describeNeed, formatDue } from "./adjustments-labels";
import { formatDate } from "./format";
import type { Lang } from "./lang";
import { serverT } from "./locales.server";

/** Needs email cannot carry: the officer arranges these. */
const ARRANGED = ["audio", "braille", "easy_read", "accessible_document"];

function asked(request: RequestForTexts, t: TFunction, codes?: readonly AgreeableCode[]): string[] {
  const keep = codes ? new Set(codes) : null;
  const items = request.needs.filter((n) => !keep || keep.has(n.code)).map((n) => describeNeed(n, t));
  if (request.otherNeed && (!keep || keep.has("other"))) items.push(`${t("adjustments:need.other")}: ${request.otherNeed}`);
  return items;
}

function email(request: RequestForTexts, kind: string, subject: string, title: string, blocks: EmailBlock[], needs: readonly Need[]): OutgoingEmail {
  const style = emailStyleFor(needs);
  const lang = request.correspondenceLanguage;
  return { to: request.email!, subject, text: renderText(blocks), html: style ? renderHtml(blocks, style, lang, title) : null, language: lang, kind };
}

export function createAdjustmentTexts(publicUrl: string): AdjustmentTexts {
  return {
    acknowledgement(request, links) {
      if (!request.email) return null;
      const lang = request.correspondenceLanguage;
      const t = serverT(lang, "email-adjustments");
      const values = { reference: request.reference, name: request.name };
      const how = t(`adjustments:how.${request.replyBy}`);
      const blocks: EmailBlock[] = [
        { kind: "p", text: t("acknowledgement.greeting", values) },
        { kind: "p", text: t("acknowledgement.body", values) },
        { kind: "p", text: t("acknowledgement.due", { due: formatDue(request.decisionDueAt, lang, t), how }) },
        { kind: "h2", text: t("acknowledgement.askedHeading") },
        { kind: "ul", items: asked(request, t) },
      ];
      const arranged = request.needs.filter((n) => ARRANGED.includes(n.code));
      if (arranged.length > 0) {
        blocks.push({ kind: "h2", text: t("acknowledgement.arrangeHeading") }, { kind: "p", text: t("acknowledgement.arrange") }, { kind: "ul", items: arranged.map((n) => describeNeed(n, t)) });
      }
      if (links.withdrawConsent) {
        blocks.push({ kind: "h2", text: t("acknowledgement.consentHeading") }, { kind: "p", text: t("acknowledgement.consent", { url: links.withdrawConsent }) });
      }
      blocks.push({ kind: "p", text: t("acknowledgement.signoff") });
      return email(request, "adjustment_acknowledgement", t("acknowledgement.subject", values), t("acknowledgement.title"), blocks, request.needs);
    },

    decision(request, decision) {
      if (!request.email) return null;
      const lang = request.correspondenceLanguage;
      const t = serverT(lang, "email-adjustments");
      const values = { reference: request.reference, name: request.name };
      const blocks: EmailBlock[] = [
        { kind: "p", text: t("decision.greeting", values) },
        { kind: "p", text: t("decision.separate", values) },
      ];
      if (decision.status === "declined") {
        blocks.push(
          { kind: "p", text: t("decision.declined") },
          { kind: "h2", text: t("decision.reasonsHeading") },
          { kind: "p", text: decision.reasons ?? "" },
          { kind: "h2", text: t("decision.alternativesHeading") },
          { kind: "p", text: decision.alternatives ?? "" },
        );
      } else {
        blocks.push({ kind: "p", text: t(decision.status === "agreed" ? "decision.agreed" : "decision.partly") }, { kind: "ul", items: asked(request, t, decision.agreed) });
        if (decision.status === "partly_agreed") {
          const agreed = new Set(decision.agreed);
          const all: AgreeableCode[] = [...request.needs.map((n) => n.code), ...(request.otherNeed ? (["other"] as const) : [])];
          blocks.push(
            { kind: "h2", text: t("decision.notAgreedHeading") },
            { kind: "ul", items: asked(request, t, all.filter((c) => !agreed.has(c))) },
            { kind: "h2", text: t("decision.insteadHeading") },
            { kind: "p", text: decision.instead ?? "" },
          );
        }
        blocks.push({ kind: "p", text: decision.reviewAt ? t("decision.review", { date: formatDate(decision.reviewAt, lang) }) : t("decision.oneOff") });
        if (decision.checkDueAt) blocks.push({ kind: "p", text: t("decision.check", { date: formatDate(decision.checkDueAt, lang) }) });
      }
      if (decision.status !== "agreed") {
        blocks.push({ kind: "h2", text: t("decision.complainHeading") }, { kind: "p", text: t("decision.complain") }, { kind: "p", text: t("decision.appeal", values) });
      }
      blocks.push({ kind: "p", text: t("decision.signoff") });
      return email(request, "adjustment_decision", t("decision.subject", values), t("decision.title"), blocks, request.needs);
    },

    headNotice(request, head, decision, lang, deciderName) {
      const t = serverT(lang, "email-adjustments");
      const blocks: EmailBlock[] = [
        { kind: "p", text: t("headNotice.greeting", { name: head.name }) },
        { kind: "p", text: t("headNotice.body", { decider: deciderName, reference: request.reference, status: t(`status.${decision.status}`) }) },
        { kind: "h2", text: t("headNotice.agreedHeading") },
        { kind: "ul", items: asked(request, t, decision.agreed) },
        { kind: "p", text: decision.reviewAt ? t("headNotice.review", { date: formatDate(decision.reviewAt, lang) }) : t("headNotice.oneOff") },
        { kind: "p", text: t("headNotice.link", { url: `${publicUrl}${lang === "cy" ? "/cy" : ""}/staff/adjustments/${request.reference}` }) },
        { kind: "p", text: t("headNotice.signoff") },
      ];
      return { to: head.email, subject: t("headNotice.subject", { reference: request.reference }), text: renderText(blocks), html: null, language: lang, kind: "adjustment_head_notice" };
    },

    flagSummary(request, decision: DecisionForTexts, lang: Lang) {
      const t = serverT(lang, "staff-adjustments");
      return flagSummary(
        { needs: request.needs, otherNeed: request.otherNeed, agreed: decision.agreed, instead: decision.instead, reviewAt: decision.reviewAt },
        {
          need: (n) => describeNeed(n, t),
          other: (text) => t("flag.other", { text }),
          instead: (text) => t("flag.instead", { text }),
          reviewBy: (date) => t("flag.reviewBy", { date: formatDate(date, lang) }),
          oneOff: () => t("flag.oneOff"),
        },
      );
    },

    removalNote(removedOn, lang) {
      return serverT(lang, "staff-adjustments")("flag.removed", { date: formatDate(`${removedOn}T12:00:00Z`, lang) });
    },
  };
}
