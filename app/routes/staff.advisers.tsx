// Managers set which advisers take Welsh chats and how many chats each takes at once. A plain
// form post (works without JavaScript); each change is audited, and the chat server reads the
// values from StaffUser for the adviser's next assignment.
import { useTranslation } from "react-i18next";
import { redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form, Link } from "~/components/link";
import { Button, CsrfInput, ErrorSummary, Select, SingleCheckbox, SuccessBanner, Table } from "~/components/form";
import { PageTitle } from "~/components/layout";
import { chatStaff, MAX_CHATS, MIN_CHATS, parseAdviserSettings, saveAdviserSettings } from "~/lib/chat-advisers.server";
import { SUPERVISOR_ROLES } from "~/lib/chat-staff.server";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireStaff } from "~/lib/staff.server";
import { useLocalePath } from "~/lib/use-lang";

// Managers and the Head of Customer Contact: the same people who supervise the chat.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context, [...SUPERVISOR_ROLES]);
  return { advisers: await chatStaff(context.services.prisma), limits: { min: MIN_CHATS, max: MAX_CHATS } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context, [...SUPERVISOR_ROLES]);
  const form = await readForm(request, context);
  const parsed = parseAdviserSettings(form);
  if (!parsed.ok) {
    // Send back what was posted, so the page shows the person's choices with the error.
    const values: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (typeof value === "string" && key !== "csrf") values[key] = value;
    return { invalid: parsed.invalid, values };
  }
  const changed = await saveAdviserSettings(context.services.prisma, staff.id, parsed.rows);
  return redirect(`${localePath("/staff/advisers", langFromPath(new URL(request.url).pathname))}?saved=${changed}`);
}

export default function AdviserSettings() {
  const { t } = useTranslation("staff-chat");
  const to = useLocalePath();
  const { advisers, limits } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const names = new Map(advisers.map((a) => [a.id, a.name]));
  const errors = (failed?.invalid ?? []).map((id) => ({ field: `capacity-${id}`, message: t("advisers.errors.capacity", { name: names.get(id) ?? "", ...limits }) }));
  const posted = failed?.values;
  const capacities = Array.from({ length: limits.max - limits.min + 1 }, (_, i) => limits.min + i);
  return (
    <>
      <PageTitle title={t("advisers.title")} error={errors.length > 0} />
      <Link to={to("/staff/chat")} className="govuk-back-link">
        {t("advisers.back")}
      </Link>
      <ErrorSummary errors={errors} />
      {saved !== null && errors.length === 0 ? (
        <SuccessBanner title={t("advisers.savedTitle")}>
          <span data-testid="saved">{Number(saved) > 0 ? t("advisers.saved", { count: Number(saved) }) : t("advisers.savedNone")}</span>
        </SuccessBanner>
      ) : null}
      <h1 className="govuk-heading-l">{t("advisers.title")}</h1>
      <p className="govuk-body">{t("advisers.intro")}</p>
      <p className="govuk-body">{t("advisers.nextChat")}</p>
      {advisers.length === 0 ? (
        <p className="govuk-body">{t("advisers.none")}</p>
      ) : (
        <Form method="post" noValidate>
          <CsrfInput />
          <Table
            caption={t("advisers.caption")}
            captionSize="m"
            columns={[{ label: t("advisers.name") }, { label: t("advisers.welsh") }, { label: t("advisers.capacity") }]}
            rows={advisers.map((a) => {
              const capacity = posted?.[`capacity-${a.id}`] ?? String(a.maxChats);
              const error = errors.find((e) => e.field === `capacity-${a.id}`);
              return {
                key: a.id,
                rowHeader: true,
                cells: [
                  <>
                    <input type="hidden" name="adviser" value={a.id} />
                    {a.name}
                  </>,
                  <SingleCheckbox
                    name={`welsh-${a.id}`}
                    label={
                      <>
                        {t("advisers.welshLabel")}
                        <span className="govuk-visually-hidden"> ({a.name})</span>
                      </>
                    }
                    checked={posted ? posted[`welsh-${a.id}`] === "yes" : a.speaksWelsh}
                  />,
                  <Select
                    id={`capacity-${a.id}`}
                    label={t("advisers.capacityLabel", { name: a.name })}
                    labelHidden
                    options={capacities.map((n) => ({ value: String(n), label: String(n) }))}
                    value={capacities.includes(Number(capacity)) ? capacity : undefined}
                    error={error?.message}
                  />,
                ],
              };
            })}
          />
          <Button preventDoubleClick={false}>{t("advisers.save")}</Button>
        </Form>
      )}
    </>
  );
}
