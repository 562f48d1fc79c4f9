// A ready letter, pre-filled from the answers: view it in English, Welsh or both, print it
// (print stylesheet), download it as a PDF, or copy it.
import "~/styles/concerns-letter.css";
import { useTranslation } from "react-i18next";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { Link } from "~/components/link";
import { BackLink, PageTitle } from "~/components/layout";
import { lettersForRequest } from "~/lib/concerns-letters.server";
import { useNonce } from "~/lib/nonce";
import { useLocalePath } from "~/lib/use-lang";
import { LETTER_LANGUAGES, letterAsText, type Letter } from "../../server/domain/concerns";


export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { kind, choice, letters, title } = await lettersForRequest(request, context, params.kind);
  return { kind, choice, choices: LETTER_LANGUAGES, letters, title, text: letters.map(letterAsText).join("\n\n\n") };
}

// Progressive enhancement only: without JavaScript the buttons stay hidden and the page still
// offers the PDF, the browser's print (which the print stylesheet turns into the letter alone)
// and the text box to copy from. Static code, no user data.
const ENHANCE = `(function(){var p=document.getElementById("print-letter"),c=document.getElementById("copy-letter"),t=document.getElementById("letter-text"),s=document.getElementById("copy-status");if(p){p.hidden=false;p.addEventListener("click",function(){window.print()})}if(c&&t&&s&&navigator.clipboard){c.hidden=false;c.addEventListener("click",function(){navigator.clipboard.writeText(t.value).then(function(){s.textContent=s.getAttribute("data-message")})})}})();`;

function LetterSheet({ letter }: { letter: Letter }) {
  return (
    <article className="ds-letter" lang={letter.language === "cy" ? "cy" : "en-GB"} data-testid="letter" data-language={letter.language}>
      <p className="govuk-body ds-letter__sender">
        {letter.senderLines.map((line, i) => (
          <span key={i} className="govuk-!-display-block">
            {line}
          </span>
        ))}
      </p>
      <p className="govuk-body ds-letter__date">{letter.date}</p>
      <p className="govuk-body" data-testid="letter-recipient">
        {letter.recipient}
      </p>
      <p className="govuk-body">{letter.salutation}</p>
      <p className="govuk-body ds-letter__subject">{letter.subject}</p>
      {letter.paragraphs.map((p, i) => (
        <p key={i} className="govuk-body">
          {p}
        </p>
      ))}
      <p className="govuk-body">{letter.closing}</p>
      <p className="govuk-body">{letter.signature.join(" ")}</p>
    </article>
  );
}

export default function ConcernLetter() {
  const { t } = useTranslation("concerns");
  const to = useLocalePath();
  const nonce = useNonce();
  const { kind, choice, choices, letters, title, text } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={to("/concerns/result")} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title={title} />
          <span className="govuk-caption-l ds-no-print">{t("caption")}</span>
          <h1 className="govuk-heading-l ds-no-print">{title}</h1>
          <p className="govuk-body ds-no-print">{t("letter.intro")}</p>
          <nav className="ds-no-print govuk-!-margin-bottom-6" aria-labelledby="letter-language-label">
            <p className="govuk-body govuk-!-margin-bottom-1" id="letter-language-label">
              {t("letter.languageLabel")}
            </p>
            <ul className="govuk-list ds-inline-list">
              {choices.map((l) => (
                <li key={l} className="govuk-!-display-inline-block govuk-!-margin-right-4">
                  {l === choice ? (
                    <strong aria-current="page">{t(`letter.language_${l}`)}</strong>
                  ) : (
                    <Link className="govuk-link" to={to(`/concerns/letter/${kind}?in=${l}`)}>
                      {t(`letter.language_${l}`)}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <div className="govuk-button-group ds-no-print">
            <a className="govuk-button" href={to(`/concerns/letter/${kind}/pdf?in=${choice}`)} data-testid="download-pdf" download>
              {t("letter.download")}
            </a>
            <button type="button" className="govuk-button govuk-button--secondary" id="print-letter" hidden>
              {t("letter.print")}
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" id="copy-letter" hidden>
              {t("letter.copy")}
            </button>
          </div>
          <p className="govuk-body ds-no-print" id="copy-status" role="status" data-message={t("letter.copied")} />
          <p className="govuk-hint ds-no-print">{t("letter.printHint")}</p>
          {letters.map((letter) => (
            <LetterSheet key={letter.language} letter={letter} />
          ))}
          <div className="govuk-form-group ds-no-print">
            <label className="govuk-label govuk-label--s" htmlFor="letter-text">
              {t("letter.textLabel")}
            </label>
            <textarea className="govuk-textarea ds-letter-text" id="letter-text" rows={12} readOnly value={text} />
          </div>
          <h2 className="govuk-heading-m ds-no-print">{t("letter.sendHeading")}</h2>
          <p className="govuk-body ds-no-print" data-testid="letter-send">{t(kind === "foi_internal_review" ? "letter.send_foi" : "letter.send")}</p>
          <p className="govuk-body ds-no-print">
            <Link className="govuk-link" to={to("/concerns/result")}>
              {t("letter.back")}
            </Link>
          </p>
        </div>
      </div>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ENHANCE }} />
    </>
  );
}
