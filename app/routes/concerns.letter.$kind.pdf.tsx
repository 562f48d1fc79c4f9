// The ready letter as a PDF download (pdf-lib with DejaVu Sans, so Welsh letters render).
import type { LoaderFunctionArgs } from "react-router";
import { letterPdf } from "../../server/concerns/letter-pdf";
import { contentDisposition } from "../../server/domain/concerns";
import { lettersForRequest } from "~/lib/concerns-letters.server";
import { serverT } from "~/lib/locales.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { lang, kind, choice, letters, organisation, title } = await lettersForRequest(request, context, params.kind);
  const bytes = await letterPdf(letters, { title, organisation, createdAt: context.services.now() });
  const name = `${serverT(lang, "concerns")("letter.pdfFileName")}-${kind.replaceAll("_", "-")}-${choice}.pdf`;
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(name),
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
    },
  });
}
