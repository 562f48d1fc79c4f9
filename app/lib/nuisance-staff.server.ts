// Staff side of nuisance reporting: reading the offender filters from a URL, who may see the
// offenders, and CSV exports with spreadsheet formulas defused.
import { stringify } from "csv-stringify/sync";
import type { AppLoadContext } from "react-router";
import { z } from "zod";
import { CONTACT_KINDS, DIMENSIONS, SORTS, TOPICS, type OffenderFilter } from "../../server/domain/nuisance";
import { requireCapability } from "./permissions.server";

/** Officers and managers work offenders; advisers answer the public and do not need them. */
// Who may: server/auth/permissions.ts ("nuisance.read"; admins administer, they do not work reports).
export const requireOffenderStaff = (request: Request, context: AppLoadContext) => requireCapability(request, context, "nuisance.read");

const FilterSchema = z.object({
  dimension: z.enum(DIMENSIONS).catch("number"),
  q: z.string().max(100).catch("").default(""),
  kind: z.enum(CONTACT_KINDS).or(z.literal("")).catch("").default(""),
  topic: z.enum(TOPICS).or(z.literal("")).catch("").default(""),
  min90: z.coerce.number().int().min(0).max(100000).catch(0).default(0),
  sort: z.enum(SORTS).catch("d30").default("d30"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(100000).catch(1).default(1),
});

/** Unknown or bad values fall back to the defaults: a URL never reaches the SQL unchecked. */
export function readFilter(url: URL): Required<Omit<OffenderFilter, "kind" | "topic">> & { kind: string; topic: string } {
  const raw = Object.fromEntries(url.searchParams.entries());
  const f = FilterSchema.parse(raw);
  return f as never;
}

export function filterForQuery(f: ReturnType<typeof readFilter>): OffenderFilter {
  return { ...f, kind: (f.kind || null) as OffenderFilter["kind"], topic: f.topic || null, min90: f.min90 || null };
}

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) gets a
 * leading apostrophe, so evidence copied from what people typed cannot attack whoever opens it.
 */
export function defuse(value: unknown): string {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvResponse(fileName: string, header: string[], rows: unknown[][]): Response {
  const body = stringify([header, ...rows.map((r) => r.map(defuse))], { quoted_match: /[",\n\r]/, record_delimiter: "\r\n" });
  return new Response("\uFEFF" + body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
