// GOV.UK table, public and staff: a caption, column headers and rows of cells. A column marked
// numeric aligns right in its header and every cell; a row may start with its own header cell.
import { isValidElement, type AriaAttributes, type ReactNode } from "react";

export type Column = {
  label: ReactNode;
  numeric?: boolean;
  /** The header is for screen readers only (an actions column). */
  hiddenLabel?: boolean;
  sort?: AriaAttributes["aria-sort"];
  className?: string;
};

/** A cell with more than its content: extra classes or a test id. */
export type CellSpec = { cell: ReactNode; className?: string; testId?: string; colSpan?: number };
export type Cell = ReactNode | CellSpec;

export type Row = {
  key: string | number;
  cells: Cell[];
  /** The first cell heads its row (`<th scope="row">`). */
  rowHeader?: boolean;
  /** data-* attributes on the row, for tests and styles. */
  data?: Record<string, string | number | undefined>;
  className?: string;
};

const isSpec = (c: Cell): c is CellSpec => typeof c === "object" && c !== null && !isValidElement(c) && "cell" in c;

export function Table({
  caption,
  captionSize,
  columns,
  rows,
  testId,
  className,
}: {
  caption: ReactNode;
  /** "hidden" keeps the caption for screen readers only. */
  captionSize: "l" | "m" | "s" | "hidden";
  columns: Column[];
  rows: Row[];
  testId?: string;
  className?: string;
}) {
  return (
    <table className={`govuk-table${className ? ` ${className}` : ""}`} data-testid={testId}>
      <caption className={`govuk-table__caption${captionSize === "hidden" ? " govuk-visually-hidden" : ` govuk-table__caption--${captionSize}`}`}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((c, i) => (
            <th key={i} scope="col" className={`govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}${c.className ? ` ${c.className}` : ""}`} aria-sort={c.sort}>
              {c.hiddenLabel ? <span className="govuk-visually-hidden">{c.label}</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => {
          const data = Object.fromEntries(Object.entries(row.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
          return (
            <tr key={row.key} className={`govuk-table__row${row.className ? ` ${row.className}` : ""}`} {...data}>
              {row.cells.map((c, i) => {
                const spec = isSpec(c) ? c : { cell: c };
                const numeric = columns[i]?.numeric ? " govuk-table__cell--numeric" : "";
                const extra = spec.className ? ` ${spec.className}` : "";
                return i === 0 && row.rowHeader ? (
                  <th key={i} scope="row" className={`govuk-table__header${extra}`} data-testid={spec.testId} colSpan={spec.colSpan}>
                    {spec.cell}
                  </th>
                ) : (
                  <td key={i} className={`govuk-table__cell${numeric}${extra}`} data-testid={spec.testId} colSpan={spec.colSpan}>
                    {spec.cell}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
