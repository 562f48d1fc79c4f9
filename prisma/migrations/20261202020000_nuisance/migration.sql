-- CreateEnum
CREATE TYPE "NuisanceKind" AS ENUM ('live_call', 'recorded_call', 'text', 'email', 'fax');

-- CreateTable
CREATE TABLE "NuisanceReport" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "tps" TEXT,
    "registeredOn" TEXT,
    "consent" TEXT,
    "askedToStop" TEXT,
    "wantsReply" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "advice" JSONB NOT NULL DEFAULT '[]',
    "contactCount" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,

    CONSTRAINT "NuisanceReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NuisanceContact" (
    "id" BIGSERIAL NOT NULL,
    "reportId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "NuisanceKind" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "timeKnown" BOOLEAN NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "fromTyped" TEXT,
    "fromNumber" TEXT,
    "fromUnparsed" BOOLEAN NOT NULL DEFAULT false,
    "premiumRate" BOOLEAN NOT NULL DEFAULT false,
    "senderAddress" TEXT,
    "senderDomain" TEXT,
    "toTyped" TEXT,
    "company" TEXT,
    "companyNormalised" TEXT,
    "topic" TEXT NOT NULL,
    "message" TEXT,
    "subject" TEXT,
    "description" TEXT,
    "tpsRegistered" BOOLEAN NOT NULL DEFAULT false,
    "emlId" UUID,

    CONSTRAINT "NuisanceContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NuisanceEml" (
    "id" UUID NOT NULL,
    "draftId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "base64" TEXT NOT NULL,
    "fromAddress" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "subject" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NuisanceEml_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NuisanceCaseLink" (
    "caseId" UUID NOT NULL,
    "reportId" UUID NOT NULL,

    CONSTRAINT "NuisanceCaseLink_pkey" PRIMARY KEY ("caseId","reportId")
);

-- CreateTable
CREATE TABLE "NuisanceOffender" (
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT,
    "total" INTEGER NOT NULL,
    "d7" INTEGER NOT NULL,
    "d30" INTEGER NOT NULL,
    "d90" INTEGER NOT NULL,
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,
    "lastSeen" TIMESTAMPTZ(3) NOT NULL,
    "tpsCount" INTEGER NOT NULL,
    "kinds" INTEGER NOT NULL,
    "topics" INTEGER[],

    CONSTRAINT "NuisanceOffender_pkey" PRIMARY KEY ("dimension","key")
);

-- CreateTable
CREATE TABLE "NuisanceSummaryState" (
    "id" INTEGER NOT NULL,
    "windowsOn" TEXT NOT NULL,
    "rebuiltAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NuisanceSummaryState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NuisanceReport_reference_key" ON "NuisanceReport"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "NuisanceReport_idempotencyKey_key" ON "NuisanceReport"("idempotencyKey");

-- CreateIndex
CREATE INDEX "NuisanceReport_receivedAt_idx" ON "NuisanceReport"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "NuisanceContact_emlId_key" ON "NuisanceContact"("emlId");

-- CreateIndex
CREATE INDEX "NuisanceContact_fromNumber_occurredAt_idx" ON "NuisanceContact"("fromNumber", "occurredAt");

-- CreateIndex
CREATE INDEX "NuisanceContact_senderAddress_occurredAt_idx" ON "NuisanceContact"("senderAddress", "occurredAt");

-- CreateIndex
CREATE INDEX "NuisanceContact_senderDomain_occurredAt_idx" ON "NuisanceContact"("senderDomain", "occurredAt");

-- CreateIndex
CREATE INDEX "NuisanceContact_companyNormalised_occurredAt_idx" ON "NuisanceContact"("companyNormalised", "occurredAt");

-- CreateIndex
CREATE INDEX "NuisanceContact_occurredAt_idx" ON "NuisanceContact"("occurredAt");

-- CreateIndex
CREATE INDEX "NuisanceContact_reportId_idx" ON "NuisanceContact"("reportId");

-- CreateIndex
CREATE INDEX "NuisanceEml_draftId_idx" ON "NuisanceEml"("draftId");

-- CreateIndex
CREATE INDEX "NuisanceCaseLink_reportId_idx" ON "NuisanceCaseLink"("reportId");

-- CreateIndex
CREATE INDEX "NuisanceOffender_dimension_d7_key_idx" ON "NuisanceOffender"("dimension", "d7", "key");

-- CreateIndex
CREATE INDEX "NuisanceOffender_dimension_d30_key_idx" ON "NuisanceOffender"("dimension", "d30", "key");

-- CreateIndex
CREATE INDEX "NuisanceOffender_dimension_d90_key_idx" ON "NuisanceOffender"("dimension", "d90", "key");

-- CreateIndex
CREATE INDEX "NuisanceOffender_dimension_total_key_idx" ON "NuisanceOffender"("dimension", "total", "key");

-- CreateIndex
CREATE INDEX "NuisanceOffender_dimension_lastSeen_key_idx" ON "NuisanceOffender"("dimension", "lastSeen", "key");

-- CreateIndex
CREATE INDEX "NuisanceOffender_dimension_firstSeen_key_idx" ON "NuisanceOffender"("dimension", "firstSeen", "key");

-- AddForeignKey
ALTER TABLE "NuisanceContact" ADD CONSTRAINT "NuisanceContact_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "NuisanceReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NuisanceContact" ADD CONSTRAINT "NuisanceContact_emlId_fkey" FOREIGN KEY ("emlId") REFERENCES "NuisanceEml"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NuisanceCaseLink" ADD CONSTRAINT "NuisanceCaseLink_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NuisanceCaseLink" ADD CONSTRAINT "NuisanceCaseLink_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "NuisanceReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

