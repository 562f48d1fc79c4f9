-- CreateTable
CREATE TABLE "CaseLink" (
    "caseId" UUID NOT NULL,
    "linkedId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "CaseLink_pkey" PRIMARY KEY ("caseId","linkedId")
);

-- CreateTable
CREATE TABLE "CaseCallback" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "doneById" UUID,
    "createdById" UUID,

    CONSTRAINT "CaseCallback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseLink_linkedId_idx" ON "CaseLink"("linkedId");

-- CreateIndex
CREATE INDEX "CaseCallback_caseId_idx" ON "CaseCallback"("caseId");

-- CreateIndex
CREATE INDEX "CaseCallback_doneAt_dueAt_idx" ON "CaseCallback"("doneAt", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- AddForeignKey
ALTER TABLE "CaseLink" ADD CONSTRAINT "CaseLink_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLink" ADD CONSTRAINT "CaseLink_linkedId_fkey" FOREIGN KEY ("linkedId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCallback" ADD CONSTRAINT "CaseCallback_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

