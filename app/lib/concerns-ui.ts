// Small helpers the concerns pages share for showing text.
import type { FieldError } from "./concerns";
import { formatDate } from "./format";
import type { Lang } from "./lang";

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The message for an error, with its date written in the page's language. */
export function errorText(t: (key: string, values?: Record<string, unknown>) => string, error: FieldError, lang: Lang): string {
  const params: Record<string, unknown> = {};
  if (error.params?.date) params.date = formatDate(error.params.date, lang);
  if (error.params?.eventKey) params.event = t(error.params.eventKey);
  if (error.params?.name) params.name = error.params.name;
  return t(error.key, params);
}
