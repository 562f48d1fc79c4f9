// Staff correspondence screens' shared part: the intake fields (new case by staff, and a case
// created from a message), built from the form kit.
import { useTranslation } from "react-i18next";
import { Select, Textarea, TextInput } from "~/components/form";
import { CASE_TYPES, SECTORS } from "../../server/domain/cases/index.js";
import { INTAKE_CHANNELS } from "../../server/correspondence/lists";

/** The fields of a staff-created case. `fixedChannel` hides the channel (a case from an email is "email"). */
export function IntakeFields({ errors, values, fixedChannel }: { errors: Record<string, string>; values: Record<string, string>; fixedChannel?: (typeof INTAKE_CHANNELS)[number] }) {
  const { t } = useTranslation(["staff-correspondence", "domain"]);
  const err = (field: string) => (errors[field] ? t(errors[field]!) : undefined);
  return (
    <>
      <Select id="type" label={t("intake.type")} value={values.type} error={err("type")} placeholder="" options={CASE_TYPES.map((c) => ({ value: c, label: `${c} – ${t(`domain:caseTypes.${c}`)}` }))} />
      {fixedChannel ? (
        <input type="hidden" name="channel" value={fixedChannel} />
      ) : (
        <Select id="channel" label={t("intake.channel")} value={values.channel} error={err("channel")} placeholder="" options={INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`intake.channels.${c}`) }))} />
      )}
      <Select id="language" label={t("intake.language")} value={values.language ?? "en"} error={err("language")} options={(["en", "cy"] as const).map((l) => ({ value: l, label: t(`intake.languages.${l}`) }))} />
      <TextInput id="name" label={t("intake.name")} error={err("name")} defaultValue={values.name} autoComplete="off" />
      <TextInput id="email" type="email" label={t("intake.email")} hint={t("intake.emailHint")} optional error={err("email")} defaultValue={values.email} spellCheck={false} autoComplete="off" />
      <TextInput id="phone" type="tel" label={t("intake.phone")} optional error={err("phone")} defaultValue={values.phone} autoComplete="off" />
      <Textarea id="address" label={t("intake.address")} optional rows={3} maxLength={500} limitText={t("intake.limit", { count: 500 })} error={err("address")} defaultValue={values.address} />
      <TextInput id="organisation" label={t("intake.organisation")} optional error={err("organisation")} defaultValue={values.organisation} />
      <Select id="sector" label={t("intake.sector")} value={values.sector} placeholder={t("intake.sectorNone")} options={SECTORS.map((s) => ({ value: s, label: t(`domain:sectors.${s}`) }))} />
      <TextInput id="eventOn" label={t("intake.eventOn")} hint={t("intake.eventOnHint")} optional error={err("eventOn")} defaultValue={values.eventOn} width="10" />
      <Textarea id="summary" label={t("intake.summary")} rows={6} maxLength={10000} limitText={t("intake.limit", { count: 10000 })} error={err("summary")} defaultValue={values.summary} />
    </>
  );
}
