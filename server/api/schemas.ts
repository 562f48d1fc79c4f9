// Resource schemas of the read API and the events. The JSON Schemas published at
// /api/v1/schema/<name>.json are generated from these, so the documentation cannot drift.
import { z } from "zod";
import { CASE_LANGUAGES, CASE_STATUSES, CASE_TYPES, CHANNELS, OUTCOME_KEYS, WORK_QUEUE_IDS } from "../domain/cases/index.js";
import { QUEUE_CLOCK_STATES } from "../domain/cases/queue-counts.js";
import { EventEnvelopeSchema } from "../outbox/events.js";

const iso = z.iso.datetime();

export const CaseSummarySchema = z
  .object({
    reference: z.string().regex(/^[A-Z0-9]{10}$/),
    type: z.enum(CASE_TYPES),
    status: z.enum(CASE_STATUSES),
    title: z.string(),
    language: z.enum(CASE_LANGUAGES),
    channel: z.enum(CHANNELS),
    workQueue: z.enum(WORK_QUEUE_IDS),
    officer: z.string().nullable(),
    createdAt: iso,
    openedAt: iso,
    nextDueAt: iso.nullable(),
    clock: z.enum(QUEUE_CLOCK_STATES).nullable(),
    flags: z.array(z.enum(["reasonable_adjustment", "restricted_contact", "no_further_contact"])).describe("Active flags on the customer"),
    closedAt: iso.nullable(),
    outcome: z.enum(OUTCOME_KEYS as unknown as [string, ...string[]]).nullable(),
  })
  .meta({ title: "Case (in a list)", id: "case-summary" });

export const CaseSchema = CaseSummarySchema.extend({
  summary: z.string(),
  late: z.boolean(),
  reopenCount: z.int().min(0),
  clocks: z.object({ queueBy: iso, underWayBy: iso, answerBy: iso, closeBy: iso }),
  milestones: z.object({ acknowledgedAt: iso.nullable(), queuedAt: iso.nullable(), underWayAt: iso.nullable(), answeredAt: iso.nullable() }),
  parties: z.array(
    z.object({
      role: z.enum(["customer", "organisation", "representative"]),
      kind: z.enum(["person", "organisation"]),
      name: z.string(),
      email: z.string().nullable(),
      preferredLanguage: z.enum(CASE_LANGUAGES).nullable(),
      flags: z.array(z.object({ kind: z.enum(["reasonable_adjustment", "restricted_contact", "no_further_contact"]), summary: z.string(), reviewAt: iso.nullable() })),
    }),
  ),
  links: z.array(z.string()),
}).meta({ title: "Case", id: "case" });

export const CaseListSchema = z
  .object({ total: z.int().min(0), page: z.int().min(1), pageSize: z.int(), cases: z.array(CaseSummarySchema) })
  .meta({ title: "Page of cases", id: "case-list" });

export const AdjustmentSchema = z
  .object({
    reference: z.string(),
    status: z.enum(["received", "agreed", "partly_agreed", "declined", "removed"]),
    language: z.enum(CASE_LANGUAGES),
    needs: z.array(z.record(z.string(), z.unknown())).describe("What was asked for (codes). The person's description of their difficulty is never included."),
    caseReference: z.string().nullable(),
    receivedAt: iso,
    decisionDueAt: iso,
    decidedAt: iso.nullable(),
    reviewDueAt: iso.nullable(),
  })
  .meta({ title: "Adjustment request", id: "adjustment" });

export const AdjustmentListSchema = z.object({ total: z.int(), page: z.int(), pageSize: z.int(), adjustments: z.array(AdjustmentSchema) }).meta({ title: "Page of adjustment requests", id: "adjustment-list" });

export const ReportSchema = z
  .object({ id: z.string(), type: z.string(), updatedAt: iso, lastEvent: z.string(), data: z.record(z.string(), z.unknown()) })
  .meta({ title: "Report (latest state from its events)", id: "report" });
export const ReportListSchema = z.object({ reports: z.array(ReportSchema), next: z.string().nullable() }).meta({ title: "Page of reports", id: "report-list" });

export const EventPageSchema = z
  .object({ events: z.array(EventEnvelopeSchema), next: z.string().regex(/^\d+$/).describe("Pass as ?after= to read on.") })
  .meta({
    title: "Events since a cursor",
    id: "event-page",
    description:
      "Needs the events:read scope. Each event is included only when the token also holds the scope for its kind of record: case, party, concern_attachment and concern_draft events need cases:read; adjustment_request events need adjustments:read; nuisance_report events need reports:read. Other kinds are not served.",
  });

export const ErrorSchema = z.object({ error: z.string(), message: z.string() }).meta({ title: "Error", id: "error" });

export const PUBLISHED_SCHEMAS: Record<string, z.ZodType> = {
  event: EventEnvelopeSchema,
  "event-page": EventPageSchema,
  case: CaseSchema,
  "case-summary": CaseSummarySchema,
  "case-list": CaseListSchema,
  adjustment: AdjustmentSchema,
  "adjustment-list": AdjustmentListSchema,
  report: ReportSchema,
  "report-list": ReportListSchema,
  error: ErrorSchema,
};

export function jsonSchema(name: string): Record<string, unknown> | null {
  const schema = PUBLISHED_SCHEMAS[name];
  if (!schema) return null;
  const generated = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as Record<string, unknown> & { $ref?: string; $defs?: Record<string, Record<string, unknown>> };
  // Schemas with an id come out as a $ref into $defs; put the root back at the top for readers.
  const { $ref, $defs = {}, ...rest } = generated;
  const rootKey = $ref?.replace("#/$defs/", "");
  const { [rootKey ?? ""]: root, ...others } = $defs;
  return { $id: `/api/v1/schema/${name}.json`, ...rest, ...(root ?? {}), ...(Object.keys(others).length ? { $defs: others } : {}) };
}
