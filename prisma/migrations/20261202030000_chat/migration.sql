-- CreateEnum
CREATE TYPE "ChatStatus" AS ENUM ('queued', 'active', 'ended', 'left_message');

-- CreateEnum
CREATE TYPE "ChatAuthor" AS ENUM ('customer', 'adviser', 'system');

-- CreateEnum
CREATE TYPE "ChatMessageKind" AS ENUM ('text', 'note', 'event');

-- CreateEnum
CREATE TYPE "ChatBehaviourStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateTable
CREATE TABLE "ChatConversation" (
    "id" UUID NOT NULL,
    "status" "ChatStatus" NOT NULL,
    "language" "Language" NOT NULL,
    "topic" TEXT NOT NULL,
    "customerName" TEXT,
    "customerEmail" TEXT,
    "transcriptConsent" BOOLEAN NOT NULL DEFAULT false,
    "welshFallbackConsent" BOOLEAN NOT NULL DEFAULT false,
    "fallbackOfferedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" TIMESTAMPTZ(3) NOT NULL,
    "adviserId" UUID,
    "assignedAt" TIMESTAMPTZ(3),
    "excludeAdviserId" UUID,
    "firstAnsweredAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "endedBy" "ChatAuthor",
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "customerReadSeq" INTEGER NOT NULL DEFAULT 0,
    "adviserReadSeq" INTEGER NOT NULL DEFAULT 0,
    "rating" INTEGER,
    "ratingComment" TEXT,
    "caseId" UUID,
    "caseReference" TEXT,

    CONSTRAINT "ChatConversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatMessage" (
    "id" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "clientId" TEXT NOT NULL,
    "author" "ChatAuthor" NOT NULL,
    "kind" "ChatMessageKind" NOT NULL DEFAULT 'text',
    "adviserId" UUID,
    "authorName" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatCannedReply" (
    "id" UUID NOT NULL,
    "language" "Language" NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "ChatCannedReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatBehaviourReport" (
    "id" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "reportedById" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "requestRestriction" BOOLEAN NOT NULL,
    "status" "ChatBehaviourStatus" NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewNote" TEXT,
    "partyFlagId" UUID,

    CONSTRAINT "ChatBehaviourReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChatConversation_status_queuedAt_idx" ON "ChatConversation"("status", "queuedAt");

-- CreateIndex
CREATE INDEX "ChatConversation_adviserId_status_idx" ON "ChatConversation"("adviserId", "status");

-- CreateIndex
CREATE INDEX "ChatConversation_createdAt_idx" ON "ChatConversation"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_conversationId_seq_key" ON "ChatMessage"("conversationId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_conversationId_clientId_key" ON "ChatMessage"("conversationId", "clientId");

-- CreateIndex
CREATE INDEX "ChatCannedReply_language_title_idx" ON "ChatCannedReply"("language", "title");

-- CreateIndex
CREATE INDEX "ChatBehaviourReport_status_createdAt_idx" ON "ChatBehaviourReport"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "ChatConversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatBehaviourReport" ADD CONSTRAINT "ChatBehaviourReport_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "ChatConversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

