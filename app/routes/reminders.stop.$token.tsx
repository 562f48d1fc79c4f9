// The stop link in a reminder's emails. Opening it only shows the one button (a mail scanner
// that follows links cannot stop it); pressing the button stops the reminder.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { readForm } from "~/lib/forms.server";
import { useLocalePath } from "~/lib/use-lang";
import { findReminder, stopReminder } from "../../server/reminders/concern-reminders";

const headers = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

export async function loader({ context, params }: LoaderFunctionArgs) {
  const { prisma, now } = context.services;
  const found = await findReminder({ prisma, now }, params.token ?? "");
  const valid = Boolean(found && !found.stoppedAt);
  return data({ valid }, { status: valid ? 200 : 410, headers });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { prisma, now } = context.services;
  const outcome = await stopReminder({ prisma, now }, params.token ?? "");
  return data({ stopped: outcome !== "unknown" }, { status: outcome === "unknown" ? 410 : 200, headers });
}

export default function StopReminder() {
  const { t } = useTranslation("reminders");
  const to = useLocalePath();
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = result ? (result.stopped ? "stopped" : "invalid") : valid ? "ask" : "invalid";
  const title = t(state === "ask" ? "stop.title" : state === "stopped" ? "stop.stoppedTitle" : "stop.invalidTitle");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <h1 className="govuk-heading-l" data-state={state}>
          {title}
        </h1>
        {state === "ask" ? (
          <>
            <p className="govuk-body">{t("stop.body")}</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <Button>{t("stop.submit")}</Button>
            </Form>
          </>
        ) : (
          <>
            <p className="govuk-body">{t(state === "stopped" ? "stop.stopped" : "stop.invalid")}</p>
            <p className="govuk-body">
              <Link className="govuk-link" to={to("/concerns")}>
                {t("stop.start")}
              </Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
