// Unacceptable behaviour recorded in chats, for a manager's review. Only an approval by a
// manager sets the restricted-contact flag on the customer (the unacceptable behaviour
// policy: restrictions are for the very few cases, decided above the adviser, and recorded).
import { useTranslation } from "react-i18next";
import { redirect, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { z } from "zod";
import { Button, CsrfInput, ErrorSummary, Textarea, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { chatServices, SUPERVISOR_ROLES } from "~/lib/chat-staff.server";
import { formatDateTime } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireStaff } from "~/lib/staff.server";
import { useLang } from "~/lib/use-lang";
import { audit } from "../../server/audit";
import { restrictContactByEmail } from "../../server/domain/parties";
import "~/styles/chat-console.css";

const ReviewSchema = z.object({
  reportId: z.uuid(),
  decision: z.enum(["approve_flag", "approve", "reject"]),
  restriction: z.string().trim().max(500).default(""),
  note: z.string().trim().max(2000).default(""),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context, [...SUPERVISOR_ROLES]);
  const { prisma } = chatServices(context);
  const reports = await prisma.chatBehaviourReport.findMany({ where: { status: "pending" }, orderBy: { createdAt: "asc" } });
  const ids = reports.map((r) => r.conversationId);
  const conversations = new Map(
    (await prisma.chatConversation.findMany({ where: { id: { in: ids } }, select: { id: true, customerEmail: true, customerName: true } })).map((c) => [c.id, c] as const),
  );
  const messages = await prisma.chatMessage.findMany({
    where: { conversationId: { in: ids }, kind: "text" },
    orderBy: { seq: "asc" },
    select: { conversationId: true, seq: true, author: true, text: true, authorName: true },
  });
  const staffRows = await prisma.staffUser.findMany({ where: { id: { in: reports.map((r) => r.reportedById) } }, select: { id: true, name: true } });
  const names = new Map(staffRows.map((s) => [s.id, s.name] as const));
  for (const r of reports) await audit(prisma, { actorId: staff.id, action: "chat.behaviour_viewed", entityType: "ChatBehaviourReport", entityId: r.id });
  return {
    reports: reports.map((r) => ({
      id: r.id,
      description: r.description,
      requestRestriction: r.requestRestriction,
      createdAt: r.createdAt.toISOString(),
      reportedBy: names.get(r.reportedById) ?? "",
      hasEmail: Boolean(conversations.get(r.conversationId)?.customerEmail),
      customerName: conversations.get(r.conversationId)?.customerName ?? null,
      messages: messages.filter((m) => m.conversationId === r.conversationId),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context, [...SUPERVISOR_ROLES]);
  const form = await readForm(request, context);
  const { prisma, now } = chatServices(context);
  const back = localePath("/staff/chat/behaviour", langFromPath(new URL(request.url).pathname));
  const parsed = ReviewSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    // A reason over the limit is said against its box (the box states the limit, it does not cut pasted text).
    const reportId = z.uuid().safeParse(form.get("reportId"));
    if (reportId.success && parsed.error.issues.some((i) => i.path[0] === "note")) return redirect(`${back}?error=note&report=${reportId.data}`);
    return redirect(`${back}?error=invalid`);
  }
  const { reportId, decision, restriction, note } = parsed.data;
  if (decision === "approve_flag" && !restriction) return redirect(`${back}?error=restriction&report=${reportId}`);
  const report = await prisma.chatBehaviourReport.findUnique({ where: { id: reportId }, include: { conversation: { select: { customerEmail: true, customerName: true, language: true } } } });
  if (!report || report.status !== "pending") return redirect(back);
  const at = now();
  await prisma.$transaction(async (tx) => {
    let partyFlagId: string | null = null;
    const email = report.conversation.customerEmail;
    if (decision === "approve_flag" && email) {
      const { flagId } = await restrictContactByEmail(tx, { email, name: report.conversation.customerName, language: report.conversation.language, arrangement: restriction, setById: staff.id, at });
      partyFlagId = flagId;
    }
    await tx.chatBehaviourReport.update({
      where: { id: reportId },
      data: { status: decision === "reject" ? "rejected" : "approved", reviewedById: staff.id, reviewedAt: at, reviewNote: note || null, partyFlagId },
    });
    await audit(tx, { actorId: staff.id, action: "chat.behaviour_reviewed", entityType: "ChatBehaviourReport", entityId: reportId, data: { decision, flagged: Boolean(partyFlagId) } });
  });
  return redirect(back);
}

export default function BehaviourReviews() {
  const { t } = useTranslation("staff-chat");
  const lang = useLang();
  const { reports } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  // The one error a review can have, from the redirect after the post: which box of which report.
  const errorField = params.get("error") === "restriction" ? "restriction" : params.get("error") === "note" ? "note" : null;
  const errorFor = errorField ? params.get("report") : null;
  const errorText = errorField === "note" ? t("behaviour.errors.noteTooLong") : t("behaviour.errors.restriction");
  return (
    <>
      <PageTitle title={t("behaviour.title")} error={Boolean(errorFor)} />
      <ErrorSummary errors={errorFor ? [{ field: `${errorField}-${errorFor}`, message: errorText }] : []} />
      <h1 className="govuk-heading-l">{t("behaviour.title")}</h1>
      <p className="govuk-body">{t("behaviour.intro")}</p>
      {reports.length === 0 ? <p className="govuk-body">{t("behaviour.none")}</p> : null}
      {reports.map((r) => (
        <section key={r.id} className="chat-panel govuk-!-margin-bottom-6" aria-labelledby={`r-${r.id}`}>
          <h2 className="govuk-heading-s" id={`r-${r.id}`}>
            {t("behaviour.reported", { date: formatDateTime(r.createdAt, lang), name: r.reportedBy })}
          </h2>
          <p className="govuk-body">{r.description}</p>
          <p className="govuk-body">{r.requestRestriction ? t("behaviour.asked") : t("behaviour.notAsked")}</p>
          {!r.hasEmail ? <p className="govuk-body">{t("behaviour.noEmail")}</p> : null}
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{t("behaviour.transcript")}</span>
            </summary>
            <ol className="chat-log govuk-details__text">
              {r.messages.map((m) => (
                <li key={m.seq} className={`chat-log__msg chat-log__msg--${m.author}`}>
                  <span className="chat-log__who">{m.author === "customer" ? (r.customerName ?? t("console.customer")) : m.authorName}</span>
                  <span className="chat-log__text">{m.text}</span>
                </li>
              ))}
            </ol>
          </details>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="reportId" value={r.id} />
            {r.hasEmail ? (
              <TextInput
                id={`restriction-${r.id}`}
                name="restriction"
                label={t("behaviour.restriction")}
                hint={t("behaviour.restrictionHint")}
                error={errorFor === r.id && errorField === "restriction" ? errorText : undefined}
                maxLength={500}
              />
            ) : null}
            <Textarea id={`note-${r.id}`} name="note" label={t("behaviour.note")} rows={2} maxLength={2000} limitText={t("staff-cases:case.limit", { count: 2000 })} error={errorFor === r.id && errorField === "note" ? errorText : undefined} />
            <div className="govuk-button-group">
              {r.hasEmail ? (
                <Button warning name="decision" value="approve_flag">
                  {t("behaviour.approve")}
                </Button>
              ) : null}
              <Button secondary name="decision" value="approve">
                {t("behaviour.approveOnly")}
              </Button>
              <Button secondary name="decision" value="reject">
                {t("behaviour.reject")}
              </Button>
            </div>
          </Form>
        </section>
      ))}
    </>
  );
}
