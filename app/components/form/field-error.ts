// The one shape of a field's error, from the action that found it to the page that shows it.
// `field` is the id the error summary links to: the input itself, the first option of a group
// (its id is the field's name) or a date's first wrong box (`<name>-day`).

export type DatePart = "day" | "month" | "year";

/** An error as the server found it: a message key, the values it needs, and for a date the wrong boxes. */
export type FieldError = {
  field: string;
  key: string;
  /**
   * `date` is an ISO date written in the page's language, `eventKey` a key translated into it;
   * `what` is already in the page's language (the thing a date belongs to: "the call", "yr alwad").
   */
  params?: { date?: string; eventKey?: string; name?: string; what?: string };
  parts?: DatePart[];
};

/** One line of the error summary: the field it links to and the message in the page's language. */
export type ErrorLink = { field: string; message: string };

