// Upload copies of letters and emails: up to 6 files of 5 MB, PDF/JPEG/PNG/DOCX/TXT/EML, judged
// by content. Works without JavaScript: each upload is a normal multipart form post.
import { useTranslation } from "react-i18next";
import { data, redirect, useActionData, useLoaderData, useSearchParams, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { Form } from "~/components/link";
import { Button, CsrfInput, ErrorSummary, type FieldError, FileUpload, SuccessBanner } from "~/components/form";
import { SaveLink } from "~/components/concerns-report/page";
import { BackLink, PageTitle } from "~/components/layout";
import { formatBytes } from "~/lib/concerns";
import { errorText } from "~/lib/concerns-ui";
import { saveConcernDraft } from "~/lib/concerns.server";
import { guardReportStep, loadReport, reportBackLink } from "~/lib/concerns-report.server";
import { uploadDeps } from "~/lib/concerns-uploads.server";
import { isGenuinePublicForm } from "~/lib/forms.server";
import { localePath } from "~/lib/lang";
import { commitSession } from "~/lib/session.server";
import { useLang, useLocalePath } from "~/lib/use-lang";
import { journeyUploads, receiveUploads, removeUpload } from "../../server/concerns/uploads";
import { publicLimits } from "../../server/limits/public";
import { reportStepAfter } from "../../server/domain/concerns/report.js";
import { UPLOAD_ACCEPT, UPLOAD_LIMITS } from "../../server/domain/concerns/uploads.js";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const report = await loadReport(request, context);
  guardReportStep("files", report);
  const { url, draft, late } = report;
  const change = url.searchParams.get("change") === "check";
  const notice = url.searchParams.get("notice");
  return {
    files: await journeyUploads(context.services.prisma, draft.journeyId),
    back: reportBackLink("files", late, change),
    notice: notice === "uploaded" || notice === "removed" ? notice : null,
    noticeName: url.searchParams.get("name") ?? "",
    change,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const report = await loadReport(request, context);
  guardReportStep("files", report);
  const { draft, session, lang, late, url } = report;
  const change = url.searchParams.get("change") === "check";
  const deps = uploadDeps(context);
  const already = (await journeyUploads(deps.prisma, draft.journeyId)).length;
  const received = await receiveUploads(deps, request, {
    journeyId: draft.journeyId,
    alreadyUploaded: already,
    field: "files",
    accept: (form) => isGenuinePublicForm(context.csrfToken, form),
    allow: (files, bytes) => publicLimits(context.services.limits, { perAddress: context.services.config.publicAddressQuotas }).uploads(context.clientIp, `concern:${draft.journeyId}`, files, bytes),
  });
  if (!received.ok && received.reason === "csrf") throw data({ reason: "expired" }, { status: 403 });
  const intent = String(received.form?.get("intent") ?? "upload");
  const here = (notice: string, name: string) => `/concerns/report/files?${change ? "change=check&" : ""}notice=${notice}&name=${encodeURIComponent(name)}`;

  if (!received.ok) {
    const errors: FieldError[] =
      received.reason === "rejected"
        ? received.rejected.map((r) => ({ field: "files", key: `report.files.${r.error}`, params: { name: r.name } }))
        : [{ field: "files", key: received.reason === "too_many" ? "report.files.too_many" : received.reason === "too_large_any" ? "report.files.too_large_any" : received.reason === "quota" ? "report.files.quota" : "report.files.failed" }];
    return data({ errors }, { status: 400 });
  }

  if (intent.startsWith("remove:")) {
    const removed = await removeUpload(deps, draft.journeyId, intent.slice("remove:".length));
    return redirect(localePath(here("removed", removed?.fileName ?? ""), lang));
  }
  if (intent === "upload") {
    if (received.stored.length === 0) return data({ errors: [{ field: "files", key: "report.files.required" }] }, { status: 400 });
    return redirect(localePath(here("uploaded", received.stored.map((s) => s.fileName).join(", ")), lang));
  }
  // Continue (uploading anything chosen first).
  const updated = { ...draft, report: { ...draft.report, filesDone: true } };
  saveConcernDraft(session, updated);
  const next = reportStepAfter(updated.report, late, "files", change);
  return redirect(localePath(next ? `/concerns/report/${next}` : "/concerns/report/check", lang), { headers: await commitSession(context, session) });
}

export default function ReportFiles() {
  const { t } = useTranslation("concerns");
  const lang = useLang();
  const to = useLocalePath();
  const { files, back, notice, noticeName, change } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: FieldError[] = (result?.errors as FieldError[] | undefined) ?? [];
  const messages = errors.map((e) => errorText(t, e, lang));
  // Always to the bare page: a post must not carry an earlier "uploaded" notice with it.
  const formAction = to("/concerns/report/files") + (params.get("change") ? "?change=check" : "");
  const full = files.length >= UPLOAD_LIMITS.maxFiles;
  return (
    <>
      <BackLink to={to(back)} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={t("report.files.title")} error={errors.length > 0} />
          <ErrorSummary errors={errors.map((e, i) => ({ field: `${e.field}`, message: messages[i]! })).filter((e, i, all) => all.findIndex((x) => x.message === e.message) === i)} />
          {notice && errors.length === 0 ? <SuccessBanner title={t("report.files.successTitle")}>{t(notice === "uploaded" ? "report.files.uploadedBanner" : "report.files.removedBanner", { name: noticeName })}</SuccessBanner> : null}
          <span className="govuk-caption-l">{t("report.caption")}</span>
          <h1 className="govuk-heading-l">{t("report.files.title")}</h1>
          <p className="govuk-body">{t("report.files.hint")}</p>
          <p className="govuk-body">{t("report.files.optional")}</p>

          <h2 className="govuk-heading-m">{t("report.files.uploadedHeading")}</h2>
          {files.length === 0 ? (
            <p className="govuk-body" data-testid="no-files">
              {t("report.files.none")}
            </p>
          ) : (
            <>
              <p className="govuk-body">{t("report.files.uploaded", { count: files.length })}</p>
              <dl className="govuk-summary-list" data-testid="uploaded-files">
                {files.map((file) => (
                  <div key={file.id} className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key ds-break-word">{file.fileName}</dt>
                    <dd className="govuk-summary-list__value">{formatBytes(file.sizeBytes, lang)}</dd>
                    <dd className="govuk-summary-list__actions">
                      <Form method="post" encType="multipart/form-data" action={formAction} noValidate>
                        <CsrfInput />
                        <button type="submit" name="intent" value={`remove:${file.id}`} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                          {t("report.files.remove")}
                          <span className="govuk-visually-hidden"> {t("report.files.removeHidden", { name: file.fileName })}</span>
                        </button>
                      </Form>
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          )}

          <Form method="post" encType="multipart/form-data" action={formAction} noValidate>
            <CsrfInput />
            {full ? null : (
              <>
                <FileUpload id="files" label={t("report.files.label")} hint={t("report.files.rules")} error={messages.length > 0 ? messages.join(". ") : undefined} accept={UPLOAD_ACCEPT} />
                <button type="submit" name="intent" value="upload" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {t("report.files.upload")}
                </button>
              </>
            )}
            <div className="govuk-button-group">
              <Button name="intent" value="continue">
                {t("actions.continue")}
              </Button>
            </div>
          </Form>
          {change ? null : (
            <SaveLink step="files" />
          )}
        </div>
      </div>
    </>
  );
}
