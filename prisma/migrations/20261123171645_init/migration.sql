-- CreateEnum
CREATE TYPE "Language" AS ENUM ('en', 'cy');

-- CreateEnum
CREATE TYPE "PartyKind" AS ENUM ('person', 'organisation');

-- CreateEnum
CREATE TYPE "OrganisationLocation" AS ENUM ('uk', 'eea', 'elsewhere');

-- CreateEnum
CREATE TYPE "PartyFlagKind" AS ENUM ('reasonable_adjustment', 'restricted_contact', 'no_further_contact');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('received', 'queued', 'under_way', 'closed');

-- CreateEnum
CREATE TYPE "CasePartyRole" AS ENUM ('customer', 'organisation', 'representative');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('adviser', 'case_officer', 'manager', 'head_of_customer_contact', 'admin');

-- CreateTable
CREATE TABLE "Party" (
    "id" UUID NOT NULL,
    "kind" "PartyKind" NOT NULL,
    "name" TEXT NOT NULL,
    "emailNormalised" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "preferredLanguage" "Language",
    "sector" TEXT,
    "location" "OrganisationLocation",
    "nameNormalised" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyFlag" (
    "id" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "kind" "PartyFlagKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "reviewAt" TIMESTAMPTZ(3),
    "setAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "setById" UUID,
    "clearedAt" TIMESTAMPTZ(3),
    "clearedById" UUID,

    CONSTRAINT "PartyFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "title" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "channel" TEXT NOT NULL,
    "workQueue" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "detailsVersion" INTEGER NOT NULL DEFAULT 1,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "queueDueAt" TIMESTAMPTZ(3) NOT NULL,
    "underWayDueAt" TIMESTAMPTZ(3) NOT NULL,
    "answerDueAt" TIMESTAMPTZ(3) NOT NULL,
    "closeDueAt" TIMESTAMPTZ(3) NOT NULL,
    "nextDueAt" TIMESTAMPTZ(3),
    "queuedAt" TIMESTAMPTZ(3),
    "underWayAt" TIMESTAMPTZ(3),
    "answeredAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "assignedToId" UUID,
    "idempotencyKey" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseParty" (
    "caseId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "role" "CasePartyRole" NOT NULL,

    CONSTRAINT "CaseParty_pkey" PRIMARY KEY ("caseId","partyId","role")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "aggregateType" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "schemaVersion" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "type" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("type")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "StaffRole"[],
    "speaksWelsh" BOOLEAN NOT NULL DEFAULT false,
    "maxChats" INTEGER NOT NULL DEFAULT 3,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMPTZ(3),

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "staffUserId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "absoluteExpiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "language" "Language" NOT NULL,
    "caseId" UUID,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Party_emailNormalised_key" ON "Party"("emailNormalised");

-- CreateIndex
CREATE INDEX "Party_kind_nameNormalised_idx" ON "Party"("kind", "nameNormalised");

-- CreateIndex
CREATE INDEX "PartyFlag_partyId_clearedAt_idx" ON "PartyFlag"("partyId", "clearedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Case_idempotencyKey_key" ON "Case"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Case_workQueue_status_nextDueAt_idx" ON "Case"("workQueue", "status", "nextDueAt");

-- CreateIndex
CREATE INDEX "Case_status_nextDueAt_idx" ON "Case"("status", "nextDueAt");

-- CreateIndex
CREATE INDEX "Case_createdAt_idx" ON "Case"("createdAt");

-- CreateIndex
CREATE INDEX "CaseParty_partyId_idx" ON "CaseParty"("partyId");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_at_idx" ON "CaseEvent"("caseId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "OutboxEvent_deliveredAt_nextAttemptAt_idx" ON "OutboxEvent"("deliveredAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxEvent_aggregateType_aggregateId_sequence_idx" ON "OutboxEvent"("aggregateType", "aggregateId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_sequence_key" ON "OutboxEvent"("sequence");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "EmailMessage_sentAt_nextAttemptAt_idx" ON "EmailMessage"("sentAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailMessage_caseId_idx" ON "EmailMessage"("caseId");

-- AddForeignKey
ALTER TABLE "PartyFlag" ADD CONSTRAINT "PartyFlag_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyFlag" ADD CONSTRAINT "PartyFlag_setById_fkey" FOREIGN KEY ("setById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyFlag" ADD CONSTRAINT "PartyFlag_clearedById_fkey" FOREIGN KEY ("clearedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseParty" ADD CONSTRAINT "CaseParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseParty" ADD CONSTRAINT "CaseParty_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
