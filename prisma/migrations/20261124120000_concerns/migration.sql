-- CreateTable
CREATE TABLE "ConcernAttachment" (
    "id" UUID NOT NULL,
    "journeyId" TEXT NOT NULL,
    "caseId" UUID,
    "fileName" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),

    CONSTRAINT "ConcernAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernDraft" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConcernDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConcernAttachment_storedName_key" ON "ConcernAttachment"("storedName");

-- CreateIndex
CREATE INDEX "ConcernAttachment_journeyId_idx" ON "ConcernAttachment"("journeyId");

-- CreateIndex
CREATE INDEX "ConcernAttachment_caseId_idx" ON "ConcernAttachment"("caseId");

-- CreateIndex
CREATE INDEX "ConcernAttachment_expiresAt_idx" ON "ConcernAttachment"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConcernDraft_tokenHash_key" ON "ConcernDraft"("tokenHash");

-- CreateIndex
CREATE INDEX "ConcernDraft_journeyId_idx" ON "ConcernDraft"("journeyId");

-- CreateIndex
CREATE INDEX "ConcernDraft_expiresAt_idx" ON "ConcernDraft"("expiresAt");

-- AddForeignKey
ALTER TABLE "ConcernAttachment" ADD CONSTRAINT "ConcernAttachment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

