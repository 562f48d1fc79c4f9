// Turning on two-step sign-in: a QR code (an SVG image, no script) with the key also written
// out for anyone who cannot scan it, then the first code confirms it and the recovery codes are
// shown once. Reached half-way through sign-in (required outside demo mode) or when signed in.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, ErrorSummary, SummaryList, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { commitSession, getSession } from "~/lib/session.server";
import { completeSignInInPlace, mfaRequired, pendingSecondStep } from "~/lib/staff-mfa.server";
import { getStaff } from "~/lib/staff.server";
import { useLocalePath } from "~/lib/use-lang";
import { checkTotp, decryptSecret, enableTotp, encryptSecret, groupSecret, newTotpSecret, qrDataUri, totpUri } from "../../server/auth/mfa";
import { audit } from "../../server/audit";

// The page holds the key being enrolled and, once, the recovery codes: never kept by a cache.
export const headers = () => ({ "Cache-Control": "no-store" });

/** Whose two-step sign-in this is: the signed-in member of staff, or the one half-way through signing in. */
async function whoIsEnrolling(request: Request, context: LoaderFunctionArgs["context"]) {
  const session = await getSession(request, context);
  const staff = await getStaff(request, context);
  if (staff) return { session, userId: staff.id, pending: null };
  const pending = pendingSecondStep(session);
  if (pending?.stage === "enrol") return { session, userId: pending.userId, pending };
  return null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = langFromPath(new URL(request.url).pathname);
  const who = await whoIsEnrolling(request, context);
  if (!who) throw redirect(localePath("/staff/sign-in", lang));
  const { prisma, config } = context.services;
  const user = await prisma.staffUser.findUniqueOrThrow({ where: { id: who.userId }, select: { email: true, totpEnabledAt: true } });
  const base = { required: mfaRequired(context), signedIn: !who.pending };
  if (user.totpEnabledAt) return { ...base, enabled: true as const };
  // One secret per enrolment, kept (encrypted) in the session so a reload shows the same QR code.
  let secret = who.session.get("mfaSetup") ? decryptSecret(config.sessionSecret, who.session.get("mfaSetup")!) : null;
  let headers: HeadersInit | undefined;
  if (!secret) {
    secret = newTotpSecret();
    who.session.set("mfaSetup", encryptSecret(config.sessionSecret, secret));
    headers = await commitSession(context, who.session);
  }
  const uri = totpUri(user.email, secret);
  return data({ ...base, enabled: false as const, qr: await qrDataUri(uri), key: groupSecret(secret), account: user.email }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromPath(new URL(request.url).pathname);
  const form = await readForm(request.clone(), context);
  const who = await whoIsEnrolling(request, context);
  if (!who) throw redirect(localePath("/staff/sign-in", lang));
  const { prisma, config, now } = context.services;
  const stored = who.session.get("mfaSetup");
  const secret = stored ? decryptSecret(config.sessionSecret, stored) : null;
  if (!secret) throw redirect(localePath("/staff/two-step", lang));
  const code = form.get("code");
  if (typeof code !== "string" || code.trim() === "") return data({ error: "staff-mfa:setup.errors.required" as const, codes: null, continueTo: null }, { status: 400 });
  const checked = code.length <= 20 ? await checkTotp(secret, code) : ({ ok: false } as const);
  if (!checked.ok) return data({ error: "staff-mfa:setup.errors.invalid" as const, codes: null, continueTo: null }, { status: 400 });

  const codes = await enableTotp(prisma, config.sessionSecret, who.userId, secret, checked.step, now());
  await audit(prisma, { actorId: who.userId, action: "staff.two_step_enabled", entityType: "StaffUser", entityId: who.userId });
  // Half-way through sign-in: the new code is the second step, so the person is now signed in.
  if (who.pending) {
    const headers = await completeSignInInPlace(context, who.session, who.userId);
    return data({ error: null, codes, continueTo: who.pending.returnTo }, { headers });
  }
  who.session.unset("mfaSetup");
  const headers = await commitSession(context, who.session);
  return data({ error: null, codes, continueTo: localePath("/staff", lang) }, { headers });
}

export default function TwoStep() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff-mfa");
  const result = useActionData<typeof action>();
  const to = useLocalePath();

  if (result?.codes) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("codes.title")} />
          <h1 className="govuk-heading-l">{t("codes.title")}</h1>
          <p className="govuk-body">{t("codes.intro")}</p>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">{t("codes.warning")}</strong>
          </div>
          <ul className="govuk-list govuk-list--number" data-testid="recovery-codes">
            {result.codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
          <a className="govuk-button" href={result.continueTo!}>
            {t("codes.continue")}
          </a>
        </div>
      </div>
    );
  }

  const error = result?.error ? t(result.error) : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={t("setup.title")} error={Boolean(error)} />
        <ErrorSummary errors={error ? [{ field: "code", message: error }] : []} />
        <h1 className="govuk-heading-l">{t("setup.title")}</h1>
        {loaded.enabled ? (
          <p className="govuk-body" data-testid="two-step-enabled">
            {t("setup.enabled")}
          </p>
        ) : (
          <>
            <p className="govuk-body">{loaded.required && !loaded.signedIn ? t("setup.required") : t("setup.optional")}</p>
            <ol className="govuk-list govuk-list--number">
              <li>{t("setup.step1")}</li>
              <li>
                {t("setup.step2")}
                <br />
                <img src={loaded.qr} alt={t("setup.qrAlt")} width={200} height={200} data-testid="totp-qr" />
                {/* The key in words too, for anyone who cannot scan (or see) the QR code. */}
                <h2 className="govuk-heading-s govuk-!-margin-top-4">{t("setup.manualHeading")}</h2>
                <p className="govuk-body">{t("setup.manual")}</p>
                <SummaryList
                  rows={[
                    { key: t("setup.accountLabel"), value: loaded.account },
                    { key: t("setup.keyLabel"), value: <code data-testid="totp-key">{loaded.key}</code> },
                  ]}
                />
              </li>
              <li>{t("setup.step3")}</li>
            </ol>
            <Form method="post" noValidate>
              <CsrfInput />
              <TextInput id="code" label={t("setup.label")} autoComplete="one-time-code" spellCheck={false} width="10" error={error} />
              <Button>{t("setup.submit")}</Button>
            </Form>
          </>
        )}
        {loaded.signedIn ? null : (
          <p className="govuk-body">
            <Link className="govuk-link" to={to("/staff/sign-in")}>
              {t("code.startAgain")}
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
