// One contact's details: when, who from, to where, the company, what it was about, what it said.
// Adding a new one ("new") or changing one already in the report. Email contacts may carry
// the saved email file (.eml), read for its sender, date and subject.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { DateInput, type DatePart, type FieldError, FileUpload, Radios, SingleCheckbox, submittedDate, Textarea, TextInput } from "~/components/form";
import { JourneyPage } from "~/components/journey";
import { readForm } from "~/lib/forms.server";
import { localePath } from "~/lib/lang";
import { BASE, DESCRIPTION_MAX, isKind, MAX_CONTACTS, MESSAGE_MAX, TOPICS, type DraftContact } from "~/lib/nuisance";
import { loadDraft, saveAndGo } from "~/lib/nuisance.server";
import { ContactsSoFar } from "~/lib/nuisance-ui";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { londonDate } from "../../server/domain/cases/working-days";
import { checkContact, ContactFormSchema } from "../../server/domain/nuisance/contact";
import { readEml } from "../../server/domain/nuisance/eml";
import { publicLimits } from "../../server/limits/public";
import { EML_MAX_BYTES } from "../../server/domain/nuisance/kinds";

// The language switch here submits the form, so what was typed is kept (app/lib/typed.server.ts).
export const handle = { keepTyped: true };

type Values = Record<string, string>;

function valuesOf(c: DraftContact): Values {
  const [y, m, d] = c.date.split("-");
  return {
    kind: c.kind,
    "date-day": String(Number(d)),
    "date-month": String(Number(m)),
    "date-year": y!,
    time: c.time ?? "",
    timeUnknown: c.time ? "" : "yes",
    fromStatus: c.fromStatus,
    from: c.from,
    to: c.to,
    company: c.company,
    topic: c.topic,
    message: c.message,
    subject: c.subject,
    description: c.description,
  };
}

async function find(request: Request, context: LoaderFunctionArgs["context"], id: string) {
  const loaded = await loadDraft(request, context);
  const url = new URL(request.url);
  const existing = id === "new" ? null : loaded.draft.contacts.find((c) => c.id === id);
  if (id !== "new" && !existing) throw redirect(localePath(`${BASE}/contacts`, loaded.lang));
  const kind = existing?.kind ?? url.searchParams.get("kind");
  if (!isKind(kind)) throw redirect(localePath(`${BASE}/kind`, loaded.lang));
  if (!existing && loaded.draft.contacts.length >= MAX_CONTACTS) throw redirect(localePath(`${BASE}/contacts`, loaded.lang));
  return { ...loaded, existing, kind };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft, existing, kind } = await find(request, context, params.id!);
  const [y, m, d] = londonDate(context.services.now()).split("-");
  // A new contact starts on today's date: most people report a call the day it came.
  const values: Values = existing ? valuesOf(existing) : { kind, "date-day": String(Number(d)), "date-month": String(Number(m)), "date-year": y!, fromStatus: "given" };
  return { kind, values, isNew: !existing, emlName: existing?.emlName ?? null, contacts: draft.contacts.filter((c) => c.id !== existing?.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const loaded = await find(request, context, params.id!);
  const { draft, existing, kind } = loaded;
  const raw: Values = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && key !== "csrf") raw[key] = value;
  raw.kind = kind;
  if (kind === "email") raw.fromStatus = "given";

  const errors: Record<string, string> = {};
  // Where a date error is: its first wrong box (the summary's link) and the boxes to mark.
  let dateBoxes: { box: DatePart; parts: DatePart[] } | null = null;
  let eml: { id: string; name: string } | null = null;
  // A new file is read now but stored only once the whole form is valid: a failed or hostile
  // post never leaves a 2 MB row behind.
  let upload: { bytes: Uint8Array<ArrayBuffer>; name: string; summary: { from?: string | null; date?: Date | null; subject?: string | null } } | null = null;
  const file = kind === "email" ? form.get("eml") : null;
  if (file instanceof File && file.size > 0) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = await readEml(bytes);
    if (!read.ok) errors.eml = `errors.eml.${read.error}`;
    else {
      // Fill what the person left empty from the file itself.
      const s = read.summary;
      if (!raw.from && s.from) raw.from = s.from;
      if (!raw.subject && s.subject) raw.subject = s.subject;
      upload = { bytes, name: (file.name || "message.eml").replace(/[^\w .-]/g, "_").slice(0, 100), summary: s };
    }
  } else if (kind === "email" && raw.emlKeep) {
    // A file kept from an earlier save of this draft: only this draft's own, never another's by its id.
    const kept = /^[0-9a-f-]{36}$/.test(raw.emlKeep)
      ? await context.services.prisma.nuisanceEml.findFirst({ where: { id: raw.emlKeep, draftId: draft.draftId, contact: null }, select: { id: true, fileName: true } }).catch(() => null)
      : null;
    if (kept) eml = { id: kept.id, name: kept.fileName };
    else delete raw.emlKeep;
  }
  if (eml) {
    raw.emlKeep = eml.id;
    raw.emlName = eml.name;
  }

  const parsed = ContactFormSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field && !errors[field]) errors[field] = issue.message;
    }
  } else {
    const checked = checkContact(parsed.data, context.services.now());
    if (!checked.ok) {
      Object.assign(errors, checked.errors);
      if (checked.date) dateBoxes = checked.date;
    }
    else if (Object.keys(errors).length === 0) {
      // The day's upload limits (server/limits/public.ts), counted only for a valid form.
      if (upload && !(await publicLimits(context.services.limits, { perAddress: context.services.config.publicAddressQuotas }).uploads(context.clientIp, `nuisance:${draft.draftId}`, 1, upload.bytes.byteLength))) {
        errors.eml = "errors.eml.quota";
        delete raw.emlKeep;
        return data({ errors, values: raw, dateBoxes: null }, { status: 400 });
      }
      if (upload) {
        const { bytes, name, summary } = upload;
        const row = await context.services.prisma.nuisanceEml.create({
          data: { draftId: draft.draftId, fileName: name, sizeBytes: bytes.byteLength, sha256: Buffer.from(await crypto.subtle.digest("SHA-256", bytes)).toString("hex"), base64: Buffer.from(bytes).toString("base64"), fromAddress: summary.from ?? null, sentAt: summary.date ?? null, subject: summary.subject ?? null },
          select: { id: true },
        });
        eml = { id: row.id, name };
      }
      const contact: DraftContact = {
        ...checked.contact,
        id: existing?.id ?? crypto.randomUUID(),
        emlId: eml?.id ?? existing?.emlId ?? null,
        emlName: eml?.name ?? existing?.emlName ?? null,
      };
      const contacts = existing ? draft.contacts.map((c) => (c.id === existing.id ? contact : c)) : [...draft.contacts, contact];
      const { idempotencyKey: _changed, ...rest } = draft;
      return saveAndGo(context, loaded, { ...rest, contacts }, `${BASE}/contacts`);
    }
  }
  return data({ errors, values: raw, dateBoxes }, { status: 400 });
}

export default function ContactPage() {
  const { t } = useTranslation("nuisance");
  const to = useLocalePath();
  const lang = useLang();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const v: Values = result?.values ?? loaded.values;
  const emlName = v.emlName || loaded.emlName;
  const kind = loaded.kind;
  // Each date message names its date: "The date of the call must include a month".
  const params = (field: string) => (field === "date" ? { what: t(`contact.dateOf.${kind}`) } : undefined);
  const err = (field: string) => (errors[field] ? t(errors[field], params(field)) : undefined);
  const dateBoxes: { box: DatePart; parts: DatePart[] } | null = result?.dateBoxes ?? null;
  // The summary links a date error to its first wrong box, like the "About you" date.
  const fieldErrors: FieldError[] = Object.entries(errors).map(([field, key]) =>
    field === "date" && dateBoxes ? { field: `date-${dateBoxes.box}`, key, params: params(field), parts: dateBoxes.parts } : { field, key, params: params(field) },
  );
  const title = t(`contact.title.${kind}`);
  const isEmail = kind === "email";
  return (
    <JourneyPage ns="nuisance"
      title={title}
      back={to(loaded.contacts.length || !loaded.isNew ? `${BASE}/contacts` : `${BASE}/kind`)}
      errors={errors}
      fieldErrors={fieldErrors}
      multipart={isEmail}
      submit={loaded.isNew ? t("contact.add") : t("contact.save")}
      before={<ContactsSoFar contacts={loaded.contacts} lang={lang} />}
    >
      <h1 className="govuk-heading-l">{title}</h1>
      <input type="hidden" name="kind" value={kind} />
      <DateInput
        name="date"
        legend={t("contact.date")}
        hint={t("contact.dateHint")}
        error={err("date")}
        errorParts={dateBoxes?.parts}
        value={submittedDate(v, "date")}
      />
      <TextInput id="time" label={t("contact.time")} hint={t("contact.timeHint")} width="5" error={err("time")} defaultValue={v.time ?? ""} />
      <SingleCheckbox name="timeUnknown" legend={<span className="govuk-visually-hidden">{t("contact.time")}</span>} label={t("contact.timeUnknown")} checked={v.timeUnknown === "yes"} />
      {isEmail ? (
        <TextInput id="from" type="email" label={t("contact.fromEmail")} hint={t("contact.fromEmailHint")} spellCheck={false} error={err("from")} defaultValue={v.from ?? ""} />
      ) : (
        <>
          <Radios
            name="fromStatus"
            legend={t(`contact.fromLegend.${kind}`)}
            legendSize="s"
            error={err("fromStatus")}
            value={v.fromStatus ?? "given"}
            small
            options={[
              { value: "given", label: t("contact.fromGiven") },
              { value: "withheld", label: t("contact.withheld") },
              { value: "unknown", label: t("contact.fromUnknown") },
            ]}
          />
          <TextInput id="from" type="tel" label={t(`contact.fromNumber.${kind}`)} hint={t("contact.fromNumberHint")} width="20" error={err("from")} defaultValue={v.from ?? ""} />
        </>
      )}
      <TextInput id="to" type={isEmail ? "email" : "tel"} label={t(isEmail ? "contact.toEmail" : "contact.toNumber")} optional width={isEmail ? undefined : "20"} error={err("to")} defaultValue={v.to ?? ""} />
      <TextInput id="company" label={t("contact.company")} hint={t("contact.companyHint")} optional error={err("company")} defaultValue={v.company ?? ""} />
      <Radios
        name="topic"
        legend={t("contact.topic")}
        legendSize="s"
        error={err("topic")}
        value={v.topic ?? null}
        small
        options={TOPICS.map((topic) => ({ value: topic, label: t(`topic.${topic}`) }))}
      />
      {kind === "text" ? (
        <Textarea id="message" label={t("contact.message")} hint={t("contact.messageHint")} rows={4} maxLength={MESSAGE_MAX} limitText={t("limit", { max: MESSAGE_MAX })} error={err("message")} defaultValue={v.message ?? ""} />
      ) : null}
      {isEmail ? (
        <>
          <TextInput id="subject" label={t("contact.subject")} optional error={err("subject")} defaultValue={v.subject ?? ""} />
          {/* A file kept from an earlier save of this draft (named in the hint) goes with the form. */}
          {v.emlKeep ? <input type="hidden" name="emlKeep" value={v.emlKeep} /> : null}
          <FileUpload
            id="eml"
            label={t("contact.eml")}
            labelSize="plain"
            optional
            multiple={false}
            accept=".eml,message/rfc822"
            hint={`${t("contact.emlHint", { size: Math.round(EML_MAX_BYTES / 1024 / 1024) })}${emlName ? ` ${t("contact.emlKept", { name: emlName })}` : ""}`}
            error={err("eml")}
          />
        </>
      ) : null}
      <Textarea id="description" label={t("contact.description")} hint={t(`contact.descriptionHint`)} optional rows={5} maxLength={DESCRIPTION_MAX} limitText={t("limit", { max: DESCRIPTION_MAX })} error={err("description")} defaultValue={v.description ?? ""} />
    </JourneyPage>
  );
}
