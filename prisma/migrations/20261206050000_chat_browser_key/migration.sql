-- One waiting or open chat per browser: the widget sends a random id it keeps in the browser's
-- storage, and the server keeps only its SHA-256. A second tab that starts a chat joins the one
-- this browser already has instead of queueing twice.
ALTER TABLE "ChatConversation" ADD COLUMN "browserKey" TEXT;
CREATE INDEX "ChatConversation_browserKey_status_idx" ON "ChatConversation"("browserKey", "status");
