// Admins make and revoke bearer tokens for the read API. A new token is shown once, on the
// page that answers the form post (never in a URL), and only its hash is kept.
import { useTranslation } from "react-i18next";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { Button, Checkboxes, ConfirmationPanel, CsrfInput, ErrorSummary, IntentForm, Table, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { formatDateTime } from "~/lib/format";
import { readForm, validate } from "~/lib/forms.server";
import { requireCapability } from "~/lib/permissions.server";
import { useLang } from "~/lib/use-lang";
import { z } from "zod";
import { audit } from "../../server/audit";
import { API_SCOPES, createApiToken, NewTokenSchema, revokeApiToken } from "../../server/api/tokens";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCapability(request, context, "api.tokens");
  const tokens = await context.services.prisma.apiToken.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
  return {
    scopes: [...API_SCOPES],
    tokens: tokens.map((t: (typeof tokens)[number]) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      scopes: t.scopes,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt?.toISOString() ?? null,
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireCapability(request, context, "api.tokens");
  const form = await readForm(request, context);
  const { prisma, now } = context.services;
  if (form.get("intent") === "revoke") {
    const id = z.uuid().safeParse(form.get("id"));
    if (!id.success) throw data({ reason: "badRequest" }, { status: 400 });
    await revokeApiToken(prisma, id.data, staff.id, now());
    await audit(prisma, { actorId: staff.id, action: "api_token.revoke", entityType: "ApiToken", entityId: id.data });
    return { revoked: true as const };
  }
  const result = validate(form, NewTokenSchema);
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  const { token, id } = await createApiToken(prisma, { ...result.value, createdById: staff.id, now: now() });
  await audit(prisma, { actorId: staff.id, action: "api_token.create", entityType: "ApiToken", entityId: id, data: { scopes: result.value.scopes } });
  return { token, name: result.value.name };
}

export default function ApiTokens() {
  const { t } = useTranslation("staff-backoffice");
  const lang = useLang();
  const { tokens, scopes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result && "errors" in result ? result.errors : {};
  const values: Record<string, string> = result && "values" in result ? result.values : {};
  const summary = Object.entries(errors).map(([field, key]) => ({ field: field === "scopes" ? `scope-${scopes[0]}` : field, message: t(key) }));
  return (
    <>
      <PageTitle title={t("tokens.title")} error={summary.length > 0} />
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">{t("tokens.title")}</h1>
      {result && "token" in result ? (
        <ConfirmationPanel title={t("tokens.created", { name: result.name })} headingLevel={2} testId="new-token">
          <p className="govuk-body govuk-!-margin-bottom-2 ds-inverse">{t("tokens.copyNow")}</p>
          <code className="ds-token" data-token={result.token}>
            {result.token}
          </code>
        </ConfirmationPanel>
      ) : null}
      <p className="govuk-body">{t("tokens.intro")}</p>
      <Form method="post" className="govuk-!-margin-bottom-8">
        <CsrfInput />
        <TextInput id="name" label={t("tokens.name")} hint={t("tokens.nameHint")} error={errors.name ? t(errors.name) : undefined} defaultValue={values.name} />
        <Checkboxes
          name="scopes"
          legend={t("tokens.scopes")}
          legendSize="s"
          small
          error={errors.scopes ? t(errors.scopes) : undefined}
          values={[]}
          options={scopes.map((s) => ({
            value: s,
            label: (
              <>
                {t(`tokens.scope.${s.replace(":", "_")}`)} <code>{s}</code>
              </>
            ),
          }))}
        />
        <TextInput id="days" label={t("tokens.days")} hint={t("tokens.daysHint")} width="3" error={errors.days ? t(errors.days) : undefined} defaultValue={values.days ?? "90"} />
        <Button>{t("tokens.create")}</Button>
      </Form>
      <h2 className="govuk-heading-m">{t("tokens.existing")}</h2>
      {tokens.length === 0 ? (
        <p className="govuk-body">{t("tokens.none")}</p>
      ) : (
        <div className="ds-table-wrap">
          <Table
            caption={t("tokens.existing")}
            captionSize="hidden"
            columns={[{ label: t("tokens.name") }, { label: t("tokens.scopes") }, { label: t("tokens.expires") }, { label: t("tokens.lastUsed") }, { label: t("tokens.state") }]}
            rows={tokens.map((tok: (typeof tokens)[number]) => ({
              key: tok.id,
              data: { "token-id": tok.id },
              cells: [
                <>
                  {tok.name}
                  <br />
                  <code className="govuk-body-s">{tok.prefix}…</code>
                </>,
                tok.scopes.join(", "),
                tok.expiresAt ? formatDateTime(tok.expiresAt, lang) : "–",
                tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, lang) : t("tokens.never"),
                tok.revokedAt ? (
                  t("tokens.revokedOn", { date: formatDateTime(tok.revokedAt, lang) })
                ) : (
                  <IntentForm intent="revoke" hidden={{ id: tok.id }} bare>
                    <Button secondary preventDoubleClick={false}>
                      {t("tokens.revoke")}
                      <span className="govuk-visually-hidden"> {tok.name}</span>
                    </Button>
                  </IntentForm>
                ),
              ],
            }))}
          />
        </div>
      )}
    </>
  );
}
