-- Staff reminders sent (issue 14): unique per person, thing and due time, so none is sent twice.
CREATE TABLE "StaffReminder" (
    "id" UUID NOT NULL,
    "staffUserId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "emailId" UUID NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffReminder_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "StaffReminder_staffUserId_kind_subjectId_dueAt_key" ON "StaffReminder"("staffUserId", "kind", "subjectId", "dueAt");
CREATE INDEX "StaffReminder_sentAt_idx" ON "StaffReminder"("sentAt");
