// Report form, contact page: name, email, and how they would like us to contact them (a phone
// number or postal address under the option that needs it).
import { useTranslation } from "react-i18next";
import { Radios, Textarea, TextInput } from "~/components/form";
import { ReportFrame, type ReportPageProps } from "./page";

export function ContactPage({ page }: { page: ReportPageProps }) {
  const { t } = useTranslation("concerns");
  const { err, value, limit, limits } = page;
  return (
    <ReportFrame page={page}>
      <TextInput id="name" label={t("report.contact.name")} error={err("name")} defaultValue={value("name")} autoComplete="name" spellCheck={false} />
      <TextInput id="email" type="email" label={t("report.contact.email")} hint={t("report.contact.emailHint")} error={err("email")} defaultValue={value("email")} autoComplete="email" spellCheck={false} />
      <Radios
        name="contactMethod"
        legend={t("report.contact.method")}
        legendSize="m"
        error={err("contactMethod")}
        value={value("contactMethod")}
        options={[
          { value: "email", label: t("report.contact.methods.email.label") },
          {
            value: "phone",
            label: t("report.contact.methods.phone.label"),
            conditional: <TextInput id="phone" type="tel" label={t("report.contact.phone")} hint={t("report.contact.phoneHint")} error={err("phone")} defaultValue={value("phone")} autoComplete="tel" width="20" />,
          },
          {
            value: "post",
            label: t("report.contact.methods.post.label"),
            conditional: (
              <Textarea
                id="address"
                label={t("report.contact.address")}
                hint={t("report.contact.addressHint")}
                error={err("address")}
                defaultValue={value("address")}
                rows={4}
                maxLength={limits.addressMax}
                limitText={limit(limits.addressMax)}
              />
            ),
          },
        ]}
      />
    </ReportFrame>
  );
}
