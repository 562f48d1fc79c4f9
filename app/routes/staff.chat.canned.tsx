// Managers edit the canned replies advisers insert in chats, in English and Welsh.
import { useTranslation } from "react-i18next";
import { Form, redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { CsrfInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import "~/styles/chat-console.css";
import { cannedReplies, SUPERVISOR_ROLES } from "~/lib/chat-staff.server";
import { readForm } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireStaff } from "~/lib/staff.server";
import { audit } from "../../server/audit";
import { MAX_MESSAGE_CHARS } from "../../server/domain/chat/events";

export const CannedReplySchema = z.object({
  intent: z.enum(["save", "delete"]),
  id: z.union([z.literal(""), z.uuid()]),
  language: z.enum(["en", "cy"]),
  title: z.string().trim().min(1).max(100),
  text: z.string().trim().min(1).max(MAX_MESSAGE_CHARS),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context, [...SUPERVISOR_ROLES]);
  const error = new URL(request.url).searchParams.get("error");
  return { replies: await cannedReplies(context), error };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context, [...SUPERVISOR_ROLES]);
  const form = await readForm(request, context);
  const { prisma } = context.services;
  const back = localePath("/staff/chat/canned", langFromPath(new URL(request.url).pathname));
  const intent = form.get("intent");
  const id = String(form.get("id") ?? "");
  if (intent === "delete" && z.uuid().safeParse(id).success) {
    await prisma.chatCannedReply.deleteMany({ where: { id } });
    await audit(prisma, { actorId: staff.id, action: "chat.canned_deleted", entityType: "ChatCannedReply", entityId: id });
    return redirect(back);
  }
  const parsed = CannedReplySchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return redirect(`${back}?error=1`);
  const { language, title, text } = parsed.data;
  const saved = parsed.data.id
    ? await prisma.chatCannedReply.update({ where: { id: parsed.data.id }, data: { language, title, text, updatedById: staff.id } })
    : await prisma.chatCannedReply.create({ data: { language, title, text, updatedById: staff.id } });
  await audit(prisma, { actorId: staff.id, action: "chat.canned_saved", entityType: "ChatCannedReply", entityId: saved.id });
  return redirect(back);
}

function ReplyForm({ reply }: { reply?: { id: string; language: "en" | "cy"; title: string; text: string } }) {
  const { t } = useTranslation("staff-chat");
  const key = reply?.id ?? "new";
  return (
    <Form method="post" className="chat-panel govuk-!-margin-bottom-4">
      <CsrfInput />
      <input type="hidden" name="id" value={reply?.id ?? ""} />
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`language-${key}`}>
          {t("canned.language")}
        </label>
        <select className="govuk-select" id={`language-${key}`} name="language" defaultValue={reply?.language ?? "en"}>
          <option value="en">{t("console.lang.en")}</option>
          <option value="cy">{t("console.lang.cy")}</option>
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`title-${key}`}>
          {t("canned.replyTitle")}
        </label>
        <input className="govuk-input" id={`title-${key}`} name="title" defaultValue={reply?.title ?? ""} maxLength={100} required />
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`text-${key}`}>
          {t("canned.text")}
        </label>
        <textarea className="govuk-textarea" id={`text-${key}`} name="text" rows={3} defaultValue={reply?.text ?? ""} maxLength={MAX_MESSAGE_CHARS} required />
      </div>
      <div className="govuk-button-group">
        <button className="govuk-button" name="intent" value="save">
          {reply ? t("canned.save") : t("canned.add")}
        </button>
        {reply ? (
          <button className="govuk-button govuk-button--warning" name="intent" value="delete">
            {t("canned.delete")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

export default function CannedReplies() {
  const { t } = useTranslation("staff-chat");
  const { replies, error } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("canned.title")} error={Boolean(error)} />
      <h1 className="govuk-heading-l">{t("canned.title")}</h1>
      <p className="govuk-body">{t("canned.intro")}</p>
      {error ? (
        <div className="govuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="govuk-error-summary__title">{t("common:errorSummaryTitle")}</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              <li>{t("canned.errors.title")}</li>
              <li>{t("canned.errors.text")}</li>
            </ul>
          </div>
        </div>
      ) : null}
      <h2 className="govuk-heading-m">{t("canned.add")}</h2>
      <ReplyForm />
      {replies.map((r) => (
        <ReplyForm key={r.id} reply={r} />
      ))}
    </>
  );
}
