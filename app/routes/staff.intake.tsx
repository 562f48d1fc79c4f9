// Staff intake: a case that reached us by phone, letter or email, created with the same types,
// work queues, clocks and acknowledgement as the web forms (server/correspondence/intake.ts).
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { Button, CsrfInput, ErrorSummary } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { IntakeFields } from "~/lib/correspondence-staff";
import { readForm, validate } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireCapability } from "~/lib/permissions.server";
import { createStaffCase, IntakeSchema } from "../../server/correspondence/intake";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "case.create");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "case.create");
  const form = await readForm(request, context);
  const result = validate(form, IntakeSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const { case: created } = await createStaffCase({ prisma: context.services.prisma, now: context.services.now }, staff.id, result.value);
  context.services.mailWorker.kick();
  return redirect(localePath(`/staff/cases/${created.reference}`, langFromPath(new URL(request.url).pathname)));
}

export default function StaffIntake() {
  const { t } = useTranslation("staff-correspondence");
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  return (
    <>
      <PageTitle title={t("intake.title")} error={Object.keys(errors).length > 0} />
      <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ field, message: t(message) }))} />
      <h1 className="govuk-heading-l">{t("intake.title")}</h1>
      <p className="govuk-body">{t("intake.intro")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <IntakeFields errors={errors} values={values} />
        <Button>{t("intake.submit")}</Button>
      </Form>
    </>
  );
}
