// One message: what it says (text only, never HTML), its files, and what staff can do with it:
// add a held message to the case or adjustment request it names, add it to another case, create a case from it, set
// it aside, or (when it joined a closed case) re-open that case under the existing rules.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { Button, ErrorSummary, IntentForm, StaffActionForm, SummaryList, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { IntakeFields } from "~/lib/correspondence-staff";
import { formatDateTime } from "~/lib/format";
import { readForm, validate } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireCapability, rethrowForbidden } from "~/lib/permissions.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { z } from "zod";
import { audit } from "../../server/audit";
import { IntakeSchema } from "../../server/correspondence/intake";
import { confirmHeldAdjustment, createCaseFromMail, getMail, linkMail, LinkSchema, mayConfirmOnAdjustment, setAside, TriageError } from "../../server/correspondence/triage";
import { ForbiddenError } from "../../server/auth/permissions";
import { CaseWorkError, reopenCase } from "../../server/domain/cases";

const IdSchema = z.uuid();

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "mail.triage");
  const id = IdSchema.safeParse(params.id);
  if (!id.success) throw data({ reason: "notFound" }, { status: 404 });
  const found = await getMail(context.services.prisma, id.data);
  if (!found) throw data({ reason: "notFound" }, { status: 404 });
  await audit(context.services.prisma, { actorId: staff.id, action: "mail.view", entityType: "InboundMail", entityId: id.data });
  const { mail, files, claimed, claimedAdjustment, joined } = found;
  return {
    mail: { id: mail.id, source: mail.source, receivedAt: mail.receivedAt.toISOString(), fromAddress: mail.fromAddress, fromName: mail.fromName, subject: mail.subject, text: mail.text, status: mail.status, reason: mail.reason, claimedReference: mail.claimedReference },
    files,
    claimed: claimed ? { reference: claimed.reference, status: claimed.status } : null,
    // The adjustment request a message names; whether this member of staff may confirm it there.
    adjustment: claimedAdjustment ? { reference: claimedAdjustment.reference, status: claimedAdjustment.status, joined: mail.status === "joined" && mail.caseId === null, mayConfirm: mayConfirmOnAdjustment(staff, claimedAdjustment) } : null,
    joined: joined ? { reference: joined.reference, status: joined.status } : null,
  };
}

const Intent = z.enum(["confirm", "link", "create", "setAside", "reopen"]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "mail.triage");
  const id = IdSchema.safeParse(params.id);
  if (!id.success) throw data({ reason: "notFound" }, { status: 404 });
  const form = await readForm(request, context);
  const intent = Intent.safeParse(form.get("intent"));
  if (!intent.success) throw data({ reason: "badRequest" }, { status: 400 });
  const lang = langFromPath(new URL(request.url).pathname);
  const { prisma, config, now } = context.services;
  const deps = { prisma, publicUrl: config.publicUrl, now };
  const back = (done: string) => redirect(localePath(`/staff/mail/${id.data}?done=${done}`, lang));
  try {
    if (intent.data === "confirm" || intent.data === "link") {
      let reference: string;
      if (intent.data === "confirm") {
        const mail = await prisma.inboundMail.findUnique({ where: { id: id.data }, select: { claimedReference: true, status: true } });
        if (!mail?.claimedReference || mail.status !== "held") throw new TriageError("already_decided");
        if (/^ADJ/.test(mail.claimedReference)) {
          await confirmHeldAdjustment(deps, staff, id.data);
          context.services.mailWorker.kick();
          return back("linked");
        }
        reference = mail.claimedReference;
      } else {
        const parsed = LinkSchema.safeParse({ reference: form.get("reference") ?? "" });
        if (!parsed.success) return data({ intent: intent.data, errors: { reference: "staff-correspondence:errors.reference" }, values: { reference: String(form.get("reference") ?? "") } }, { status: 400 });
        reference = parsed.data.reference;
      }
      await linkMail(deps, staff.id, id.data, reference);
      context.services.mailWorker.kick();
      return back("linked");
    }
    if (intent.data === "create") {
      const result = validate(form, IntakeSchema);
      if (!result.ok) return data({ intent: intent.data, errors: result.errors, values: result.values }, { status: 400 });
      await createCaseFromMail(deps, staff.id, id.data, result.value);
      context.services.mailWorker.kick();
      return back("linked");
    }
    if (intent.data === "setAside") {
      await setAside(deps, staff.id, id.data);
      return back("setAside");
    }
    const mail = await prisma.inboundMail.findUnique({ where: { id: id.data }, select: { caseId: true } });
    const c = mail?.caseId ? await prisma.case.findUnique({ where: { id: mail.caseId }, select: { reference: true } }) : null;
    if (!c) throw new TriageError("not_found");
    await reopenCase({ prisma, now }, staff, c.reference);
    return back("reopened");
  } catch (error) {
    if (error instanceof ForbiddenError) rethrowForbidden(error);
    if (error instanceof TriageError) return data({ intent: intent.data, errors: { [intent.data === "link" ? "reference" : "intent"]: `staff-correspondence:errors.${error.code}` }, values: {} as Record<string, string> }, { status: 409 });
    if (error instanceof CaseWorkError) return data({ intent: intent.data, errors: { intent: `domain:transitionRefusals.${error.code}` }, values: {} as Record<string, string> }, { status: 409 });
    throw error;
  }
}

export default function StaffMailMessage() {
  const { t } = useTranslation(["staff-correspondence", "domain"]);
  const lang = useLang();
  const to = useLocalePath();
  const [params] = useSearchParams();
  const { mail, files, claimed, adjustment, joined } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const undecided = mail.status === "triage" || mail.status === "held";
  const done = params.get("done");
  const title = mail.subject || t("mail.noSubject");
  // A held message: one button to add it to the case or adjustment request it names (for a
  // request, only for those who may; others are told why).
  const confirm =
    mail.status !== "held"
      ? null
      : claimed
        ? { warning: t("message.heldWarning", { reference: claimed.reference }), button: t("message.confirm", { reference: claimed.reference }), notYours: null }
        : adjustment
          ? {
              warning: t("message.heldAdjustmentWarning", { reference: adjustment.reference }),
              button: adjustment.mayConfirm ? t("message.confirmAdjustment", { reference: adjustment.reference }) : null,
              notYours: t("message.confirmAdjustmentNotYours", { reference: adjustment.reference }),
            }
          : null;
  return (
    <>
      <PageTitle title={`${title} – ${t("message.title")}`} error={Object.keys(errors).length > 0} />
      <p className="govuk-body">
        <Link className="govuk-link" to={to(`/staff/mail?list=${mail.status}`)}>
          {t("message.back")}
        </Link>
      </p>
      <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ field: field === "intent" ? "actions" : field, message: t(message) }))} />
      {done ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{done === "linked" && joined ? t("message.linked", { reference: joined.reference }) : done === "linked" && adjustment?.joined ? t("message.joinedToAdjustment", { reference: adjustment.reference }) : done === "reopened" ? t("message.reopened") : t("message.setAsideDone")}</p>
          </div>
        </div>
      ) : null}
      <span className="govuk-caption-l">{t(`mail.lists.${mail.status}`)}</span>
      <h1 className="govuk-heading-l" style={{ overflowWrap: "anywhere" }}>
        {title}
      </h1>
      <SummaryList
        rows={[
          { id: "received", key: t("mail.received"), value: `${formatDateTime(mail.receivedAt, lang)} (${t(`mail.sources.${mail.source}`, { defaultValue: mail.source })})` },
          { id: "from", key: t("mail.from"), value: `${mail.fromName ? `${mail.fromName} ` : ""}${mail.fromAddress ? `<${mail.fromAddress}>` : t("mail.unknownSender")}` },
          ...(mail.reason ? [{ id: "why", key: t("mail.why"), value: t(`mail.reasons.${mail.reason}`, { defaultValue: mail.reason }) }] : []),
        ]}
      />
      {joined ? (
        <p className="govuk-body" data-testid="joined-to">
          <Link className="govuk-link" to={to(`/staff/cases/${joined.reference}`)}>
            {t("message.joinedTo", { reference: joined.reference })}
          </Link>
        </p>
      ) : adjustment ? (
        <p className="govuk-body" data-testid={adjustment.joined ? "joined-to" : "claims-adjustment"}>
          <Link className="govuk-link" to={to(`/staff/adjustments/${adjustment.reference}`)}>
            {t(adjustment.joined ? "message.joinedToAdjustment" : "message.claimsAdjustment", { reference: adjustment.reference })}
          </Link>{" "}
          ({t(`staff-adjustments:status.${adjustment.status}`, { defaultValue: adjustment.status })})
        </p>
      ) : mail.claimedReference ? (
        <p className="govuk-body">{t("message.claims", { reference: mail.claimedReference })}</p>
      ) : null}

      <h2 className="govuk-heading-m">{t("message.body")}</h2>
      {mail.text ? (
        <div className="govuk-inset-text" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="mail-text">
          {mail.text}
        </div>
      ) : (
        <p className="govuk-body">{t("message.noText")}</p>
      )}
      <h2 className="govuk-heading-m">{t("message.filesHeading")}</h2>
      {files.length === 0 ? (
        <p className="govuk-body">{t("message.noFiles")}</p>
      ) : (
        <ul className="govuk-list" data-testid="mail-files">
          {files.map((f) => (
            <li key={f.id}>
              <a className="govuk-link" href={to(`/staff/mail/${mail.id}/files/${f.id}`)} download>
                {t("message.download", { name: f.fileName })}
              </a>
            </li>
          ))}
        </ul>
      )}

      <div id="actions" tabIndex={-1}>
        {joined && joined.status === "closed" ? (
          <>
            <h2 className="govuk-heading-m">{t("message.closedHeading")}</h2>
            <p className="govuk-body">{t("message.closed", { reference: joined.reference })}</p>
            <StaffActionForm intent="reopen" label={t("message.reopen", { reference: joined.reference })} />
          </>
        ) : null}
        {undecided ? (
          <>
            {confirm ? (
              <>
                <div className="govuk-warning-text">
                  <span className="govuk-warning-text__icon" aria-hidden="true">
                    !
                  </span>
                  <strong className="govuk-warning-text__text">{confirm.warning}</strong>
                </div>
                {confirm.button ? (
                  <StaffActionForm intent="confirm" label={confirm.button} primary />
                ) : (
                  <p className="govuk-body" data-testid="confirm-not-yours">
                    {confirm.notYours}
                  </p>
                )}
              </>
            ) : null}
            <h2 className="govuk-heading-m">{t("message.linkHeading")}</h2>
            <IntentForm intent="link" noValidate bare>
              <TextInput id="reference" label={t("message.reference")} hint={t("message.referenceHint")} error={errors.reference ? t(errors.reference) : undefined} defaultValue={values.reference} width="10" spellCheck={false} />
              <Button secondary>{t("message.link")}</Button>
            </IntentForm>
            <h2 className="govuk-heading-m">{t("message.createHeading")}</h2>
            <IntentForm intent="create" noValidate bare>
              <IntakeFields fixedChannel="email" errors={result?.intent === "create" ? errors : {}} values={result?.intent === "create" ? values : { name: mail.fromName ?? "", email: mail.fromAddress ?? "", summary: mail.text.slice(0, 10000) }} />
              <Button secondary>{t("message.create")}</Button>
            </IntentForm>
            <h2 className="govuk-heading-m">{t("message.setAsideHeading")}</h2>
            <StaffActionForm intent="setAside" label={t("message.setAside")} />
          </>
        ) : null}
      </div>
    </>
  );
}
