-- CreateEnum
CREATE TYPE "AdjustmentStatus" AS ENUM ('received', 'agreed', 'partly_agreed', 'declined', 'removed');

-- CreateEnum
CREATE TYPE "AdjustmentDuration" AS ENUM ('one_off', 'ongoing');

-- CreateEnum
CREATE TYPE "AdjustmentReplyBy" AS ENUM ('email', 'phone', 'text', 'letter');

-- CreateTable
CREATE TABLE "AdjustmentRequest" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "status" "AdjustmentStatus" NOT NULL DEFAULT 'received',
    "language" "Language" NOT NULL,
    "correspondenceLanguage" "Language" NOT NULL,
    "needs" JSONB NOT NULL DEFAULT '[]',
    "needsVersion" INTEGER NOT NULL DEFAULT 1,
    "otherNeed" TEXT,
    "duration" "AdjustmentDuration",
    "caseId" UUID,
    "difficulty" TEXT,
    "difficultyConsentAt" TIMESTAMPTZ(3),
    "consentWithdrawnAt" TIMESTAMPTZ(3),
    "consentTokenHash" TEXT,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "postalAddress" TEXT,
    "replyBy" "AdjustmentReplyBy",
    "partyId" UUID,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "decisionDueAt" TIMESTAMPTZ(3) NOT NULL,
    "assignedToId" UUID,
    "assignedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "agreedNeeds" JSONB,
    "insteadText" TEXT,
    "declineReasons" TEXT,
    "alternatives" TEXT,
    "decisionToldAt" TIMESTAMPTZ(3),
    "decisionToldById" UUID,
    "reviewDueAt" TIMESTAMPTZ(3),
    "checkDueAt" TIMESTAMPTZ(3),
    "checkedAt" TIMESTAMPTZ(3),
    "checkWorked" BOOLEAN,
    "checkNote" TEXT,
    "headNotifiedAt" TIMESTAMPTZ(3),
    "headSeenAt" TIMESTAMPTZ(3),
    "headSeenById" UUID,
    "flagId" UUID,
    "flagSummaryCy" TEXT,
    "removedAt" TIMESTAMPTZ(3),
    "removalRequestedOn" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AdjustmentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdjustmentEvent" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AdjustmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdjustmentConference" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "openedById" UUID,
    "appeal" TEXT NOT NULL,
    "heldOn" TEXT,
    "attendees" TEXT,
    "outcome" TEXT,
    "decision" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,

    CONSTRAINT "AdjustmentConference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdjustmentEmail" (
    "emailMessageId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "AdjustmentEmail_pkey" PRIMARY KEY ("emailMessageId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdjustmentRequest_reference_key" ON "AdjustmentRequest"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "AdjustmentRequest_consentTokenHash_key" ON "AdjustmentRequest"("consentTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "AdjustmentRequest_flagId_key" ON "AdjustmentRequest"("flagId");

-- CreateIndex
CREATE UNIQUE INDEX "AdjustmentRequest_idempotencyKey_key" ON "AdjustmentRequest"("idempotencyKey");

-- CreateIndex
CREATE INDEX "AdjustmentRequest_status_decisionDueAt_idx" ON "AdjustmentRequest"("status", "decisionDueAt");

-- CreateIndex
CREATE INDEX "AdjustmentRequest_reviewDueAt_idx" ON "AdjustmentRequest"("reviewDueAt");

-- CreateIndex
CREATE INDEX "AdjustmentRequest_checkDueAt_idx" ON "AdjustmentRequest"("checkDueAt");

-- CreateIndex
CREATE INDEX "AdjustmentRequest_partyId_idx" ON "AdjustmentRequest"("partyId");

-- CreateIndex
CREATE INDEX "AdjustmentEvent_requestId_at_idx" ON "AdjustmentEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "AdjustmentConference_requestId_idx" ON "AdjustmentConference"("requestId");

-- CreateIndex
CREATE INDEX "AdjustmentEmail_requestId_idx" ON "AdjustmentEmail"("requestId");

-- AddForeignKey
ALTER TABLE "AdjustmentRequest" ADD CONSTRAINT "AdjustmentRequest_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjustmentRequest" ADD CONSTRAINT "AdjustmentRequest_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjustmentRequest" ADD CONSTRAINT "AdjustmentRequest_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjustmentRequest" ADD CONSTRAINT "AdjustmentRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjustmentRequest" ADD CONSTRAINT "AdjustmentRequest_flagId_fkey" FOREIGN KEY ("flagId") REFERENCES "PartyFlag"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjustmentEvent" ADD CONSTRAINT "AdjustmentEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AdjustmentRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjustmentConference" ADD CONSTRAINT "AdjustmentConference_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AdjustmentRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjustmentEmail" ADD CONSTRAINT "AdjustmentEmail_emailMessageId_fkey" FOREIGN KEY ("emailMessageId") REFERENCES "EmailMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjustmentEmail" ADD CONSTRAINT "AdjustmentEmail_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AdjustmentRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

