-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "attachments" JSONB;

-- CreateTable
CREATE TABLE "InboundMail" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "messageId" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "fromAddress" TEXT,
    "fromNormalised" TEXT,
    "fromName" TEXT,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "inReplyTo" TEXT,
    "sizeBytes" INTEGER NOT NULL,
    "attachmentCount" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "matchedBy" TEXT,
    "claimedReference" TEXT,
    "caseId" UUID,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,

    CONSTRAINT "InboundMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackAccess" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrackAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "dueOn" TEXT NOT NULL,
    "resumeUrl" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "stoppedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InboundMail_messageId_key" ON "InboundMail"("messageId");
CREATE INDEX "InboundMail_status_receivedAt_idx" ON "InboundMail"("status", "receivedAt");
CREATE INDEX "InboundMail_caseId_receivedAt_idx" ON "InboundMail"("caseId", "receivedAt");
CREATE INDEX "InboundMail_fromNormalised_receivedAt_idx" ON "InboundMail"("fromNormalised", "receivedAt");
CREATE UNIQUE INDEX "TrackAccess_tokenHash_key" ON "TrackAccess"("tokenHash");
CREATE INDEX "TrackAccess_expiresAt_idx" ON "TrackAccess"("expiresAt");
CREATE UNIQUE INDEX "Reminder_tokenHash_key" ON "Reminder"("tokenHash");
CREATE INDEX "Reminder_dueOn_sentAt_stoppedAt_idx" ON "Reminder"("dueOn", "sentAt", "stoppedAt");
