// CSV exports: csv-stringify does the quoting; we neutralise spreadsheet formulas.
import { stringify } from "csv-stringify/sync";

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the start)
 * gets a leading apostrophe, as OWASP recommends, so "=HYPERLINK(…)" in a title stays text.
 */
export function escapeFormula(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly { header: string; value: (row: T) => unknown }[]): string {
  const body = rows.map((row) => columns.map((c) => escapeFormula(c.value(row))));
  // A byte-order mark so spreadsheet programs read Welsh characters (ŵ, ŷ) as UTF-8.
  return "\uFEFF" + stringify([columns.map((c) => c.header), ...body], { record_delimiter: "\r\n" });
}
