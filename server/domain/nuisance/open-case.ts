// "Open a case" against a repeat offender: an ELE (PECR) or ENF (enforcement) case created by
// createCase(), with the chosen reports linked to it in the same transaction.
import type { PrismaClient } from "../../../generated/prisma/client.js";
import { createCase, type CreatedCase } from "../cases/create-case.js";
import type { Dimension } from "./offenders.js";

export type OpenCaseInput = {
  dimension: Dimension;
  key: string;
  type: "ELE" | "ENF";
  organisationName: string;
  reportIds: string[];
  actorId: string;
  language: "en" | "cy";
  /** One click, one case: the form carries a key. */
  idempotencyKey: string;
};

export class OpenCaseError extends Error {
  constructor(readonly code: "no_reports" | "unknown_reports") {
    super(code);
  }
}

export async function openOffenderCase(deps: { prisma: PrismaClient; now?: () => Date }, input: OpenCaseInput): Promise<{ case: CreatedCase; created: boolean; reports: number }> {
  const ids = [...new Set(input.reportIds)];
  if (ids.length === 0) throw new OpenCaseError("no_reports");
  const reports = await deps.prisma.nuisanceReport.findMany({ where: { id: { in: ids } }, select: { id: true, reference: true, contactCount: true }, orderBy: { receivedAt: "asc" } });
  if (reports.length !== ids.length) throw new OpenCaseError("unknown_reports");
  const contacts = reports.reduce((n, r) => n + r.contactCount, 0);
  const result = await createCase(deps, {
    type: input.type,
    channel: "staff",
    language: input.language,
    subject: input.organisationName,
    summary: `Repeat nuisance offender (${input.dimension}: ${input.key}): ${reports.length} reports with ${contacts} contacts linked as evidence.`,
    details: { nuisanceOffender: { dimension: input.dimension, key: input.key }, nuisanceReports: reports.map((r) => r.reference) },
    organisation: { name: input.organisationName, sector: "direct_marketing" },
    actorId: input.actorId,
    idempotencyKey: input.idempotencyKey,
    alsoInTransaction: async (tx, created) => {
      await tx.nuisanceCaseLink.createMany({ data: reports.map((r) => ({ caseId: created.id, reportId: r.id })) });
      await tx.auditEvent.create({
        data: { actorId: input.actorId, action: "nuisance.case_opened", entityType: "Case", entityId: created.id, data: { dimension: input.dimension, reports: reports.length } },
      });
    },
  });
  return { ...result, reports: reports.length };
}
