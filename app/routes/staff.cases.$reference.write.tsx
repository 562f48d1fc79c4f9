// Write to the customer from a case (server/correspondence/compose.ts): choose a template,
// language(s) and channel (a plain GET form), then check and edit the text and send it as an
// email through the outbox, or save it as a letter to print. The customer's flags decide what
// is offered: large print, phone instead of writing (a call task instead), restricted contact.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, ErrorSummary, IntentForm, Select, Textarea, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { readForm, validate } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireCapability, requireOnCase } from "~/lib/permissions.server";
import { useLocalePath } from "~/lib/use-lang";
import { z } from "zod";
import { audit } from "../../server/audit";
import { canActOnCase } from "../../server/auth/permissions";
import {
  CallTaskSchema,
  CHANNELS_OUT,
  LANGUAGE_CHOICES,
  langsOf,
  loadWriteContext,
  logCallTask,
  outcomeChoices,
  SendSchema,
  sendCorrespondence,
  templateText,
  TEMPLATES,
  WriteError,
} from "../../server/correspondence/compose";
import { ReferenceSchema } from "../../server/domain/cases/reference";

const ChoiceSchema = z.object({
  template: z.enum(TEMPLATES).optional().catch(undefined),
  languages: z.enum(LANGUAGE_CHOICES).optional().catch(undefined),
  channel: z.enum(CHANNELS_OUT).optional().catch(undefined),
  outcome: z.string().max(100).optional(),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireCapability(request, context, "case.write");
  const reference = ReferenceSchema.safeParse(params.reference ?? "");
  if (!reference.success) throw data({ reason: "notFound" }, { status: 404 });
  const { prisma, now } = context.services;
  const ctx = await loadWriteContext(prisma, reference.data);
  if (!ctx) throw data({ reason: "notFound" }, { status: 404 });
  await audit(prisma, { actorId: staff.id, action: "case.write_view", entityType: "Case", entityId: ctx.case.id });
  const url = new URL(request.url);
  const choice = ChoiceSchema.parse(Object.fromEntries(url.searchParams));
  const allowed = CHANNELS_OUT.filter((c) => (!ctx.rules.restricted || ctx.rules.restricted.channels.includes(c)) && (c !== "email" || ctx.customer?.email) && !(c === "letter" && ctx.rules.emailNotPost && ctx.customer?.email));
  const languages = choice.languages ?? (ctx.defaultLanguages.length > 1 ? "both" : ctx.defaultLanguages[0]!);
  // The action lets officers write only on cases allocated to them (managers on any): say so here
  // rather than let them compose a letter that would then be refused.
  const mayWrite = canActOnCase(staff, "case.write", { assignedToId: ctx.case.assignedToId });
  const outcomes = outcomeChoices(ctx.case.type);
  const outcome = choice.outcome && (outcomes as readonly string[]).includes(choice.outcome) ? choice.outcome : (ctx.case.outcome ?? undefined);
  const drafts = choice.template && mayWrite
    ? Object.fromEntries(langsOf(languages).map((l) => [l, templateText(l, choice.template!, ctx, { officer: staff.name, outcome, now: now() })]))
    : null;
  return {
    reference: ctx.case.reference,
    type: ctx.case.type,
    customer: ctx.customer ? { name: ctx.customer.name, email: ctx.customer.email } : null,
    mayWrite,
    rules: ctx.rules,
    address: ctx.address,
    allowed,
    outcomes: [...outcomes],
    choice: { template: choice.template ?? null, languages, channel: choice.channel && allowed.includes(choice.channel) ? choice.channel : (allowed[0] ?? null), outcome: outcome ?? null },
    drafts,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "case.write");
  const reference = ReferenceSchema.safeParse(params.reference ?? "");
  if (!reference.success) throw data({ reason: "notFound" }, { status: 404 });
  // Officers write only on cases allocated to them; managers on any (server/auth/permissions.ts).
  const allocation = await context.services.prisma.case.findUnique({ where: { reference: reference.data }, select: { assignedToId: true } });
  if (!allocation) throw data({ reason: "notFound" }, { status: 404 });
  requireOnCase(staff, "case.write", allocation);
  const form = await readForm(request, context);
  const lang = langFromPath(new URL(request.url).pathname);
  const deps = { prisma: context.services.prisma, now: context.services.now };
  try {
    if (form.get("intent") === "call") {
      const result = validate(form, CallTaskSchema);
      if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
      await logCallTask(deps, staff, reference.data, result.value.note);
      return redirect(localePath(`/staff/cases/${reference.data}/write?done=call`, lang));
    }
    const result = validate(form, SendSchema);
    if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
    const sent = await sendCorrespondence(deps, staff.id, reference.data, result.value);
    if (sent.channel === "email") {
      context.services.mailWorker.kick();
      return redirect(localePath(`/staff/cases/${reference.data}/write?done=sent`, lang));
    }
    return redirect(localePath(`/staff/cases/${reference.data}/write?done=printed&letter=${sent.eventId}`, lang));
  } catch (error) {
    if (error instanceof WriteError) return data({ errors: { form: `staff-correspondence:errors.${error.code}` }, values: {} as Record<string, string> }, { status: 409 });
    throw error;
  }
}

export default function WriteToCustomer() {
  const { t } = useTranslation(["staff-correspondence", "domain"]);
  const to = useLocalePath();
  const [params] = useSearchParams();
  const { reference, customer, mayWrite, rules, address, allowed, outcomes, choice, drafts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const done = params.get("done");
  const letter = params.get("letter");
  const langName = (l: string) => t(`write.languageChoices.${l}`);
  const blocked = !mayWrite || !customer || rules.noFurtherContact || rules.phoneInstead;
  return (
    <>
      <PageTitle title={`${t("write.title")} – ${reference}`} error={Object.keys(errors).length > 0} />
      <p className="govuk-body">
        <Link className="govuk-link" to={to(`/staff/cases/${reference}`)}>
          {t("write.caseLink", { reference })}
        </Link>
      </p>
      <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ field: field === "form" ? "write-form" : field, message: t(message) }))} />
      {done ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t(done === "sent" ? "write.sent" : done === "call" ? "write.callLogged" : "write.printed")}</p>
            {done === "printed" && letter && /^[0-9a-f-]{36}$/.test(letter) ? (
              <p className="govuk-body">
                <a className="govuk-notification-banner__link" href={to(`/staff/cases/${reference}/letters/${letter}`)}>
                  {t("write.printLink")}
                </a>
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      <span className="govuk-caption-l">{reference}</span>
      <h1 className="govuk-heading-l">{t("write.title")}</h1>
      {customer ? (
        <p className="govuk-body">
          {t("write.customer")}: {customer.name}
          {customer.email ? ` <${customer.email}>` : ""}
        </p>
      ) : (
        <p className="govuk-body">{t("write.noCustomer")}</p>
      )}
      {!mayWrite ? (
        <p className="govuk-inset-text" data-testid="not-yours">
          {t("write.notYours")}
        </p>
      ) : null}
      {rules.largePrint ? <p className="govuk-inset-text" data-testid="large-print">{t("write.largePrint", { size: rules.largePrint })}</p> : null}
      {rules.restricted ? (
        <div className="govuk-warning-text" data-testid="restricted">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            {t("write.restricted", { arrangement: rules.restricted.arrangement })} {t("write.restrictedChannels", { channels: rules.restricted.channels.map((c) => t(`write.channels.${c}`)).join(", ") })}
          </strong>
        </div>
      ) : null}
      {rules.noFurtherContact ? <p className="govuk-inset-text">{t("write.noFurtherContact")}</p> : null}
      {mayWrite && rules.phoneInstead ? (
        <>
          <div className="govuk-warning-text" data-testid="phone-instead">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">{t("write.phoneInstead")}</strong>
          </div>
          <IntentForm intent="call" noValidate bare>
            <Textarea id="note" label={t("write.callNote")} rows={3} maxLength={2000} limitText={t("write.limit", { count: 2000 })} error={errors.note ? t(errors.note) : undefined} defaultValue={values.note} />
            <Button>{t("write.logCall")}</Button>
          </IntentForm>
        </>
      ) : null}
      {!blocked && allowed.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{t("write.chooseHeading")}</h2>
          <Form method="get">
            <Select id="template" label={t("write.template")} value={choice.template ?? undefined} options={["acknowledgement", "more_information", "outcome", "closing"].map((v) => ({ value: v, label: t(`write.templates.${v}`) }))} />
            <Select id="outcome" label={t("write.outcome")} value={choice.outcome ?? undefined} placeholder="" options={outcomes.map((o) => ({ value: o, label: t(`domain:outcomes.${o}`, { defaultValue: o }) }))} />
            <Select id="languages" label={t("write.languages")} value={choice.languages} options={["cy", "en", "both"].map((v) => ({ value: v, label: langName(v) }))} />
            <Select id="channel" label={t("write.channel")} value={choice.channel ?? undefined} options={allowed.map((c) => ({ value: c, label: t(`write.channels.${c}`) }))} />
            <Button secondary preventDoubleClick={false}>
              {t("write.start")}
            </Button>
          </Form>
        </>
      ) : null}
      {!blocked && drafts && choice.template && choice.channel ? (
        <>
          <h2 className="govuk-heading-m">{t("write.editHeading")}</h2>
          <Form method="post" noValidate id="write-form">
            <CsrfInput />
            <input type="hidden" name="template" value={choice.template} />
            <input type="hidden" name="languages" value={choice.languages} />
            <input type="hidden" name="channel" value={choice.channel} />
            {choice.outcome ? <input type="hidden" name="outcome" value={choice.outcome} /> : null}
            {Object.entries(drafts).map(([l, d]) => (
              <div key={l} lang={l}>
                <TextInput id={`subject_${l}`} label={t("write.subject", { language: langName(l) })} error={errors[`subject_${l}`] ? t(errors[`subject_${l}`]!) : undefined} defaultValue={values[`subject_${l}`] ?? d.subject} />
                <Textarea id={`body_${l}`} label={t("write.body", { language: langName(l) })} rows={16} maxLength={20000} limitText={t("write.limit", { count: 20000 })} error={errors[`body_${l}`] ? t(errors[`body_${l}`]!) : undefined} defaultValue={values[`body_${l}`] ?? d.body} />
              </div>
            ))}
            {choice.channel === "letter" ? (
              <Textarea id="address" label={t("write.address")} hint={t("write.addressHint")} rows={4} maxLength={500} limitText={t("write.limit", { count: 500 })} error={errors.address ? t(errors.address) : undefined} defaultValue={values.address ?? address} />
            ) : null}
            <Button>{choice.channel === "email" ? t("write.send") : t("write.print")}</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}
