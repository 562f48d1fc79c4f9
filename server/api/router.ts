// The read API under /api/v1: bearer tokens with scopes, rate-limited per token, JSON out,
// the case list also as CSV, and the JSON Schemas of every resource and event.
import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { parseCaseFilters, listCases, CASE_LIST_FIELDS, CASE_PAGE_SIZE, parseReference, type CaseListRow } from "../domain/cases/index.js";
import type { Limits } from "../limits/index.js";
import { toEnvelope } from "../outbox/events.js";
import { casesCsv } from "./case-csv.js";
import { CaseSummarySchema, jsonSchema } from "./schemas.js";
import { eventTypesFor } from "./scopes.js";
import { authenticateToken, type ApiScope } from "./tokens.js";

/** Aggregate types the API lists as "reports"; the nuisance tool's records arrive as nuisance_report events. */
export const REPORT_AGGREGATE_TYPES = ["nuisance_report"];
/** Events younger than this are held back from /events so a slower transaction's lower sequence is not skipped. */
export const EVENT_SETTLE_MS = 10_000;

/**
 * A list row as /cases serves it: the fields its published schema (CaseSummarySchema) names, in
 * the list's order, nothing else (no ids). The schema may name only fields a list row has.
 */
const API_CASE_FIELDS = CASE_LIST_FIELDS.filter((field) => Object.hasOwn(CaseSummarySchema.shape, field));
type ApiCaseField = keyof z.output<typeof CaseSummarySchema>;
const apiCase = (row: CaseListRow): Pick<CaseListRow, ApiCaseField> => Object.fromEntries(API_CASE_FIELDS.map((field) => [field, row[field]])) as Pick<CaseListRow, ApiCaseField>;

type Deps = { prisma: PrismaClient; now: () => Date; limits: Limits; pointsPerMinute?: number };
type Authed = Request & { apiScopes?: ApiScope[]; tokenId?: string };

const problem = (res: Response, status: number, error: string, message: string) => res.status(status).json({ error, message });

export function createApiRouter({ prisma, now, limits, pointsPerMinute = 120 }: Deps) {
  const router = express.Router();
  const limiter = limits.create({ keyPrefix: "api-token", points: pointsPerMinute, duration: 60 });
  // Unauthenticated attempts are limited per address, so tokens cannot be guessed quickly.
  const failures = limits.create({ keyPrefix: "api-fail", points: 30, duration: 60, blockDuration: 300 });

  router.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });

  router.get("/schema/:name.json", (req, res) => {
    const schema = jsonSchema(String(req.params.name));
    if (!schema) return problem(res, 404, "not_found", "No schema with that name.");
    res.set("Cache-Control", "public, max-age=300").type("application/schema+json").send(JSON.stringify(schema, null, 2));
  });

  router.use(async (req: Authed, res: Response, next: NextFunction) => {
    const ip = req.ip ?? "unknown";
    const blocked = await failures.get(ip);
    if (blocked && blocked.remainingPoints <= 0) {
      res.set("Retry-After", String(Math.ceil(blocked.msBeforeNext / 1000)));
      return problem(res, 429, "too_many_requests", "Too many failed attempts.");
    }
    const auth = await authenticateToken(prisma, req.headers.authorization, now());
    if (!auth.ok) {
      await failures.consume(ip).catch(() => undefined);
      res.set("WWW-Authenticate", `Bearer realm="doorstep", error="invalid_token"`);
      // One answer for unknown, forged, expired and revoked tokens: nothing to learn from it.
      return problem(res, 401, "unauthorized", "A valid bearer token is required.");
    }
    try {
      const r = await limiter.consume(auth.tokenId);
      res.set("RateLimit-Remaining", String(r.remainingPoints));
    } catch (r) {
      res.set("Retry-After", String(Math.ceil(((r as { msBeforeNext?: number }).msBeforeNext ?? 60_000) / 1000)));
      return problem(res, 429, "too_many_requests", "Rate limit reached for this token.");
    }
    req.apiScopes = auth.scopes;
    req.tokenId = auth.tokenId;
    next();
  });

  const need = (scope: ApiScope) => (req: Authed, res: Response, next: NextFunction) =>
    req.apiScopes?.includes(scope) ? next() : problem(res, 403, "forbidden", `This token lacks the ${scope} scope.`);

  const audit = (req: Authed, action: string, entityId: string, data: Record<string, unknown> = {}) =>
    prisma.auditEvent.create({ data: { action, entityType: "ApiToken", entityId: req.tokenId ?? "unknown", data: { target: entityId, ...data } } });

  const search = (req: Request) => new URLSearchParams(req.url.split("?")[1] ?? "");

  router.get("/cases", need("cases:read"), async (req: Authed, res) => {
    const filters = parseCaseFilters(search(req));
    const { total, totalCapped, rows } = await listCases(prisma, filters, now());
    await audit(req, "api.cases.list", filters.queue ?? "all", { page: filters.page });
    // totalIsLowerBound: a broad search stops counting at SEARCH_COUNT_CAP matches.
    res.json({ total, totalIsLowerBound: totalCapped, page: filters.page, pageSize: CASE_PAGE_SIZE, cases: rows.map(apiCase) });
  });

  router.get("/cases.csv", need("cases:read"), async (req: Authed, res) => {
    const { csv, rows } = await casesCsv(prisma, parseCaseFilters(search(req)), now());
    await audit(req, "api.cases.csv", "all", { rows });
    res.type("text/csv; charset=utf-8").set("Content-Disposition", 'attachment; filename="cases.csv"').send(csv);
  });

  router.get("/cases/:reference", need("cases:read"), async (req: Authed, res) => {
    const reference = String(req.params.reference).trim().toUpperCase();
    if (!parseReference(reference)) return problem(res, 404, "not_found", "No case with that reference.");
    const row = await prisma.case.findUnique({
      where: { reference },
      include: {
        assignedTo: { select: { name: true } },
        parties: { include: { party: { include: { flags: { where: { clearedAt: null } } } } } },
        linksFrom: { include: { linked: { select: { reference: true } } } },
      },
    });
    if (!row) return problem(res, 404, "not_found", "No case with that reference.");
    await audit(req, "api.case.view", row.id, { reference });
    const at = (d: Date | null) => d?.toISOString() ?? null;
    res.json({
      reference: row.reference,
      type: row.type,
      status: row.status,
      title: row.title,
      language: row.language,
      channel: row.channel,
      workQueue: row.workQueue,
      officer: row.assignedTo?.name ?? null,
      createdAt: row.createdAt.toISOString(),
      openedAt: row.openedAt.toISOString(),
      nextDueAt: at(row.nextDueAt),
      clock: null,
      flags: [...new Set(row.parties.filter((p) => p.role === "customer").flatMap((p) => p.party.flags.map((f) => f.kind)))].sort(),
      closedAt: at(row.closedAt),
      outcome: row.outcome,
      summary: row.summary,
      late: row.late,
      reopenCount: row.reopenCount,
      clocks: { queueBy: row.queueDueAt.toISOString(), underWayBy: row.underWayDueAt.toISOString(), answerBy: row.answerDueAt.toISOString(), closeBy: row.closeDueAt.toISOString() },
      milestones: { acknowledgedAt: at(row.acknowledgedAt), queuedAt: at(row.queuedAt), underWayAt: at(row.underWayAt), answeredAt: at(row.answeredAt) },
      parties: row.parties.map(({ role, party }) => ({
        role,
        kind: party.kind,
        name: party.name,
        email: party.email,
        preferredLanguage: party.preferredLanguage,
        flags: party.flags.map((f) => ({ kind: f.kind, summary: f.summary, reviewAt: at(f.reviewAt) })),
      })),
      links: row.linksFrom.map((l) => l.linked.reference),
    });
  });

  router.get("/adjustments", need("adjustments:read"), async (req: Authed, res) => {
    const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(search(req).get("page") ?? 1);
    const pageSize = 50;
    const [total, rows] = await Promise.all([
      prisma.adjustmentRequest.count(),
      prisma.adjustmentRequest.findMany({
        orderBy: { receivedAt: "desc" },
        skip: (page - 1) * pageSize,
        take: pageSize,
        // Never the difficulty text: it can be health information (DESIGN §6).
        select: { reference: true, status: true, language: true, needs: true, receivedAt: true, decisionDueAt: true, decidedAt: true, reviewDueAt: true, case: { select: { reference: true } } },
      }),
    ]);
    await audit(req, "api.adjustments.list", "all", { page });
    res.json({
      total,
      page,
      pageSize,
      adjustments: rows.map((r) => ({
        reference: r.reference,
        status: r.status,
        language: r.language,
        needs: r.needs,
        caseReference: r.case?.reference ?? null,
        receivedAt: r.receivedAt.toISOString(),
        decisionDueAt: r.decisionDueAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        reviewDueAt: r.reviewDueAt?.toISOString() ?? null,
      })),
    });
  });

  const cursor = (req: Request) => {
    const after = search(req).get("after") ?? "0";
    return /^\d{1,18}$/.test(after) ? BigInt(after) : null;
  };
  const limitOf = (req: Request) => z.coerce.number().int().min(1).max(500).catch(100).parse(search(req).get("limit") ?? 100);

  router.get("/events", need("events:read"), async (req: Authed, res) => {
    const after = cursor(req);
    if (after === null) return problem(res, 400, "bad_cursor", "after must be a sequence number from a previous page.");
    // Only the kinds of record this token has a scope for (server/api/scopes.ts).
    const types = eventTypesFor(req.apiScopes ?? []);
    const rows = await prisma.outboxEvent.findMany({
      where: { sequence: { gt: after }, aggregateType: { in: types }, createdAt: { lte: new Date(now().getTime() - EVENT_SETTLE_MS) } },
      orderBy: { sequence: "asc" },
      take: limitOf(req),
    });
    await audit(req, "api.events.read", "all", { after: String(after), count: rows.length, types });
    res.json({ events: rows.map(toEnvelope), next: String(rows.at(-1)?.sequence ?? after) });
  });

  router.get("/reports", need("reports:read"), async (req: Authed, res) => {
    const after = cursor(req);
    if (after === null) return problem(res, 400, "bad_cursor", "after must be a value of next from a previous page.");
    const rows = await prisma.$queryRaw<{ aggregateType: string; aggregateId: string; sequence: bigint; eventType: string; payload: unknown; createdAt: Date }[]>`
      SELECT * FROM (
        SELECT DISTINCT ON ("aggregateType", "aggregateId") "aggregateType", "aggregateId", "sequence", "eventType", "payload", "createdAt"
        FROM "OutboxEvent" WHERE "aggregateType" = ANY(${REPORT_AGGREGATE_TYPES})
        ORDER BY "aggregateType", "aggregateId", "sequence" DESC) latest
      WHERE "sequence" > ${after}
      ORDER BY "sequence" LIMIT ${limitOf(req)}`;
    await audit(req, "api.reports.list", "all", { count: rows.length });
    res.json({
      reports: rows.map((r) => ({ id: r.aggregateId, type: r.aggregateType, updatedAt: new Date(r.createdAt).toISOString(), lastEvent: r.eventType, data: r.payload })),
      next: rows.length ? String(rows.at(-1)!.sequence) : null,
    });
  });

  router.use((_req, res) => problem(res, 404, "not_found", "No such API resource."));
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    req.log?.error({ err: error }, "api error");
    if (!res.headersSent) problem(res, 500, "server_error", "Something went wrong.");
  });
  return router;
}
