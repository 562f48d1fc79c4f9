-- Chat across instances (docs/decisions/0008-chat-across-instances.md): adviser presence and
-- availability, and the customer's last sign of life, live in the database so every instance
-- decides from the same state.

-- One row per adviser per instance holding their sockets, refreshed by a heartbeat, so the row of
-- an instance that died expires by itself.
CREATE TABLE "ChatAdviserPresence" (
    "staffId" UUID NOT NULL,
    "instanceId" TEXT NOT NULL,
    "sockets" INTEGER NOT NULL DEFAULT 0,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ChatAdviserPresence_pkey" PRIMARY KEY ("staffId", "instanceId")
);
CREATE INDEX "ChatAdviserPresence_instanceId_idx" ON "ChatAdviserPresence"("instanceId");

-- Per adviser: available for new chats, and when they last took one (longest idle goes first).
CREATE TABLE "ChatAdviserState" (
    "staffId" UUID NOT NULL,
    "available" BOOLEAN NOT NULL DEFAULT false,
    "lastAssignedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChatAdviserState_pkey" PRIMARY KEY ("staffId")
);

-- When a customer's browser last held a socket on the conversation (any instance).
ALTER TABLE "ChatConversation" ADD COLUMN "customerSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- The socket.io PostgreSQL adapter's table for broadcasts over NOTIFY's 8000-byte limit
-- (the adapter's documented definition, it deletes its own old rows).
CREATE TABLE "socket_io_attachments" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ DEFAULT NOW(),
    "payload" BYTEA,
    CONSTRAINT "socket_io_attachments_id_key" UNIQUE ("id")
);
