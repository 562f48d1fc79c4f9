import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { Button, CsrfInput, ErrorSummary, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { langFromPath } from "~/lib/lang";
import { completeSignIn, mfaRequired, startSecondStep } from "~/lib/staff-mfa.server";
import { createStaffAuthenticator, getStaff, safeReturnTo, SignInError } from "~/lib/staff.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const lang = langFromPath(url.pathname);
  if (await getStaff(request, context)) throw redirect(safeReturnTo(url.searchParams.get("returnTo"), lang));
  return { signedOut: url.searchParams.get("signedOut") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const lang = langFromPath(url.pathname);
  // A body that is not a readable form (a broken multipart post, say) is a bad request, never a
  // 500 from deep inside the authenticator (test/hostile/multipart.test.ts).
  if (!(await request.clone().formData().then(() => true, () => false))) throw data({ reason: "badRequest" }, { status: 400 });
  let staff;
  try {
    staff = await createStaffAuthenticator(context).authenticate("staff-form", request.clone());
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    if (error.code === "csrf") throw data({ reason: "expired" }, { status: 403 });
    const email = String((await request.formData()).get("email") ?? "");
    const errors =
      error.code === "fields"
        ? error.fields
        : error.code === "tooMany"
          ? { email: "staff:signIn.errors.tooMany" }
          : { email: "staff:signIn.errors.invalid" };
    return data({ errors, email, minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) }, { status: error.code === "tooMany" ? 429 : 400 });
  }
  const returnTo = safeReturnTo(url.searchParams.get("returnTo"), lang);
  // The password is only the first step wherever two-step sign-in is on or required.
  const { totpEnabledAt } = (await context.services.prisma.staffUser.findUnique({ where: { id: staff.id }, select: { totpEnabledAt: true } })) ?? {};
  if (totpEnabledAt) return startSecondStep(request, context, staff.id, "verify", returnTo, lang);
  if (mfaRequired(context)) return startSecondStep(request, context, staff.id, "enrol", returnTo, lang);
  return redirect(returnTo, { headers: await completeSignIn(request, context, staff.id, "password") });
}

export default function StaffSignIn() {
  const { signedOut } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors ?? {};
  const message = (key?: string) => (key ? t(key, { minutes: result?.minutes }) : undefined);
  const summary = Object.entries(errors).map(([field, key]) => ({ field, message: message(key)! }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">
        <PageTitle title={t("signIn.title")} error={summary.length > 0} />
        <ErrorSummary errors={summary} />
        {signedOut ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="signed-out-title">
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading" id="signed-out-title">
                {t("signIn.signedOut")}
              </p>
            </div>
          </div>
        ) : null}
        <h1 className="govuk-heading-l">{t("signIn.title")}</h1>
        <Form method="post" action={`?${params.toString()}`} noValidate>
          <CsrfInput />
          <TextInput id="email" type="email" label={t("signIn.emailLabel")} autoComplete="username" spellCheck={false} error={message(errors.email)} defaultValue={result?.email} />
          <TextInput id="password" type="password" label={t("signIn.passwordLabel")} autoComplete="current-password" error={message(errors.password)} />
          <Button>{t("signIn.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
