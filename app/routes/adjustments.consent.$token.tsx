// The customer's own link to withdraw consent: what they find hard is deleted at once.
import { useTranslation } from "react-i18next";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { Button, ConfirmationPanel, CsrfInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { adjustmentDeps } from "~/lib/adjustments.server";
import { readForm } from "~/lib/forms.server";
import { consentLinkReference, withdrawConsent } from "../../server/adjustments";

export async function loader({ params, context }: LoaderFunctionArgs) {
  return { reference: await consentLinkReference(context.services.prisma, params.token ?? "") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await readForm(request, context);
  const token = params.token ?? "";
  if (!(await consentLinkReference(context.services.prisma, token))) return { done: null };
  const result = await withdrawConsent(adjustmentDeps(context), { token });
  return { done: result?.reference ?? null };
}

export default function WithdrawConsent() {
  const { t } = useTranslation("adjustments");
  const { reference } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = result ? (result.done ? "done" : "invalid") : reference ? "ask" : "invalid";
  const title = state === "done" ? t("withdraw.doneTitle") : state === "invalid" ? t("withdraw.invalidTitle") : t("withdraw.title");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} />
        {state === "done" ? (
          <ConfirmationPanel title={title} />
        ) : (
          <h1 className="govuk-heading-l">{title}</h1>
        )}
        {state === "ask" ? (
          <>
            <p className="govuk-body">{t("withdraw.body", { reference })}</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <Button>{t("withdraw.submit")}</Button>
            </Form>
          </>
        ) : null}
        {state === "done" ? <p className="govuk-body">{t("withdraw.done", { reference: result!.done })}</p> : null}
        {state === "invalid" ? <p className="govuk-body">{t("withdraw.invalid")}</p> : null}
      </div>
    </div>
  );
}
