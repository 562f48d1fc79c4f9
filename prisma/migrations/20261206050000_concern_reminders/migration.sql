-- Reminders for people told to wait (issue 14): link to the journey, not a stored resume URL
-- (the link's token is made when the reminder is sent), and a lease so it is sent once.
-- The table was unused until now, so it is empty.
ALTER TABLE "Reminder" DROP COLUMN "resumeUrl";
ALTER TABLE "Reminder" ADD COLUMN "journeyId" TEXT NOT NULL;
ALTER TABLE "Reminder" ADD COLUMN "claimedAt" TIMESTAMPTZ(3);
CREATE INDEX "Reminder_journeyId_idx" ON "Reminder"("journeyId");
