// Managers edit the canned replies advisers insert in chats, in English and Welsh.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { z } from "zod";
import { Button, CsrfInput, ErrorSummary, Select, Textarea, TextInput } from "~/components/form";
import { PageTitle } from "~/components/layout";
import "~/styles/chat-console.css";
import { cannedReplies, SUPERVISOR_ROLES } from "~/lib/chat-staff.server";
import { readForm, validate } from "~/lib/forms.server";
import { langFromPath, localePath } from "~/lib/lang";
import { requireStaff } from "~/lib/staff.server";
import { audit } from "../../server/audit";
import { MAX_MESSAGE_CHARS } from "../../server/domain/chat/events";

export const CannedReplySchema = z.object({
  intent: z.enum(["save", "delete"]),
  id: z.union([z.literal(""), z.uuid()]),
  language: z.enum(["en", "cy"]),
  title: z.string({ error: "canned.errors.title" }).trim().min(1, "canned.errors.title").max(100, "canned.errors.title"),
  text: z.string({ error: "canned.errors.text" }).trim().min(1, "canned.errors.text").max(MAX_MESSAGE_CHARS, "canned.errors.text"),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context, [...SUPERVISOR_ROLES]);
  return { replies: await cannedReplies(context) };
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
  const parsed = validate(form, CannedReplySchema);
  // Shown again on the form it came from ("new" or the reply's id), each error on its field.
  if (!parsed.ok) return data({ form: z.uuid().safeParse(id).success ? id : "new", errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { language, title, text } = parsed.value;
  const saved = parsed.value.id
    ? await prisma.chatCannedReply.update({ where: { id: parsed.value.id }, data: { language, title, text, updatedById: staff.id } })
    : await prisma.chatCannedReply.create({ data: { language, title, text, updatedById: staff.id } });
  await audit(prisma, { actorId: staff.id, action: "chat.canned_saved", entityType: "ChatCannedReply", entityId: saved.id });
  return redirect(back);
}

type Failed = { form: string; errors: Record<string, string>; values: Record<string, string> };

function ReplyForm({ reply, failed }: { reply?: { id: string; language: "en" | "cy"; title: string; text: string }; failed?: Failed }) {
  const { t } = useTranslation("staff-chat");
  const key = reply?.id ?? "new";
  // What was sent, when this is the form that failed; else the reply as stored.
  const mine = failed?.form === key ? failed : undefined;
  const error = (field: string) => (mine?.errors[field] ? t(mine.errors[field]) : undefined);
  return (
    <Form method="post" className="chat-panel govuk-!-margin-bottom-4" noValidate>
      <CsrfInput />
      <input type="hidden" name="id" value={reply?.id ?? ""} />
      <Select
        id={`language-${key}`}
        name="language"
        label={t("canned.language")}
        options={[
          { value: "en", label: t("console.lang.en") },
          { value: "cy", label: t("console.lang.cy") },
        ]}
        value={mine?.values.language ?? reply?.language ?? "en"}
      />
      <TextInput id={`title-${key}`} name="title" label={t("canned.replyTitle")} error={error("title")} defaultValue={mine?.values.title ?? reply?.title ?? ""} maxLength={100} />
      <Textarea id={`text-${key}`} name="text" label={t("canned.text")} rows={3} maxLength={MAX_MESSAGE_CHARS} limitText={t("canned.limit", { max: MAX_MESSAGE_CHARS })} error={error("text")} defaultValue={mine?.values.text ?? reply?.text ?? ""} />
      <div className="govuk-button-group">
        <Button name="intent" value="save" preventDoubleClick={false}>
          {reply ? t("canned.save") : t("canned.add")}
        </Button>
        {reply ? (
          <Button warning name="intent" value="delete" preventDoubleClick={false}>
            {t("canned.delete")}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}

export default function CannedReplies() {
  const { t } = useTranslation("staff-chat");
  const { replies } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as Failed | undefined;
  const errors = Object.entries(failed?.errors ?? {}).map(([field, key]) => ({ field: `${field}-${failed!.form}`, message: t(key) }));
  return (
    <>
      <PageTitle title={t("canned.title")} error={errors.length > 0} />
      <h1 className="govuk-heading-l">{t("canned.title")}</h1>
      <p className="govuk-body">{t("canned.intro")}</p>
      <ErrorSummary errors={errors} />
      <h2 className="govuk-heading-m">{t("canned.add")}</h2>
      <ReplyForm failed={failed} />
      {replies.map((r) => (
        <ReplyForm key={r.id} reply={r} failed={failed} />
      ))}
    </>
  );
}
