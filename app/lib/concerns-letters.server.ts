// The ready letters a journey offers, composed in the languages asked for.
import { data, type AppLoadContext } from "react-router";
import { composeLetter, isLetterKind, letterFacts, letterFor, LETTER_LANGUAGES, lettersInOrder, type Letter, type LetterKind, type LetterLanguageChoice, type Translate } from "../../server/domain/concerns";
import { loadJourney, redirectToJourney } from "./concerns.server";
import { formatDate } from "./format";
import { serverT } from "./locales.server";

export async function lettersForRequest(request: Request, context: AppLoadContext, kindParam: string | undefined) {
  const { url, lang, draft, evaluation, today } = await loadJourney(request, context);
  if (!isLetterKind(kindParam)) throw data({ reason: "notFound" }, { status: 404 });
  if (!evaluation.outcome) redirectToJourney(evaluation, lang);
  // Only the letter this journey's outcome offers: the others would be filled with the wrong facts.
  if (letterFor(evaluation.outcome) !== kindParam) throw data({ reason: "notFound" }, { status: 404 });
  const kind: LetterKind = kindParam;
  const asked = url.searchParams.get("in");
  const choice: LetterLanguageChoice = (LETTER_LANGUAGES as readonly string[]).includes(asked ?? "") ? (asked as LetterLanguageChoice) : lang;
  const facts = letterFacts(kind, draft.answers, today);
  const letters: Letter[] = lettersInOrder(choice).map((language) =>
    composeLetter(facts, language, serverT(language, "letters-concerns") as unknown as Translate, (iso, l) => formatDate(iso, l)),
  );
  return { lang, kind, choice, letters, organisation: facts.organisation, title: serverT(lang, "letters-concerns")(`${kind}.title`) };
}
