// The second step of staff sign-in: a code from the authenticator app, or a recovery code.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, ErrorSummary, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { commitSession, getSession } from "~/lib/session.server";
import { completeSignIn, pendingSecondStep } from "~/lib/staff-mfa.server";
import { useLocalePath } from "~/lib/use-lang";
import { checkSecondStep, MAX_CODE_ATTEMPTS } from "../../server/auth/mfa";
import { audit } from "../../server/audit";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = langFromPath(new URL(request.url).pathname);
  const pending = pendingSecondStep(await getSession(request, context));
  if (!pending || pending.stage !== "verify") throw redirect(localePath("/staff/sign-in", lang));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromPath(new URL(request.url).pathname);
  const form = await readForm(request.clone(), context);
  const session = await getSession(request, context);
  const pending = pendingSecondStep(session);
  if (!pending || pending.stage !== "verify") throw redirect(localePath("/staff/sign-in", lang));
  const code = form.get("code");
  if (typeof code !== "string" || code.trim() === "") return data({ error: "staff-mfa:code.errors.required" }, { status: 400 });
  const { prisma, config } = context.services;
  const method = code.length <= 40 ? await checkSecondStep(prisma, config.sessionSecret, pending.userId, code, context.services.now()) : null;
  if (method) return redirect(pending.returnTo, { headers: await completeSignIn(request, context, pending.userId, method) });

  const failures = pending.failures + 1;
  await audit(prisma, { actorId: pending.userId, action: "staff.sign_in_code_failed", entityType: "StaffUser", entityId: pending.userId, data: { failures } });
  if (failures >= MAX_CODE_ATTEMPTS) {
    // The password must be given again: five guesses per password, and the sign-in limits count those.
    session.unset("mfa");
    return data({ error: "staff-mfa:code.errors.tooMany" }, { status: 429, headers: await commitSession(context, session) });
  }
  session.set("mfa", { ...pending, failures });
  return data({ error: "staff-mfa:code.errors.invalid" }, { status: 400, headers: await commitSession(context, session) });
}

export default function SignInCode() {
  const { t } = useTranslation("staff-mfa");
  const to = useLocalePath();
  const result = useActionData<typeof action>();
  const error = result?.error ? t(result.error) : undefined;
  const locked = result?.error === "staff-mfa:code.errors.tooMany";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("code.title")} error={Boolean(error)} />
        <ErrorSummary errors={error ? [{ field: "code", message: error }] : []} />
        <h1 className="govuk-heading-l">{t("code.title")}</h1>
        {locked ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={to("/staff/sign-in")}>
              {t("code.startAgain")}
            </Link>
          </p>
        ) : (
          <>
            <p className="govuk-body">{t("code.intro")}</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <TextInput id="code" label={t("code.label")} hint={t("code.hint")} autoComplete="one-time-code" spellCheck={false} width="10" error={error} />
              <Button>{t("code.submit")}</Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
