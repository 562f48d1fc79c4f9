-- The staff case list at 200,000 cases (issue 14, speed).
--
-- 1. Counts kept by the database. "CaseCount" holds how many cases there are for each
--    combination of the list's cheap filters, with the UTC day of the nearest clock so clock
--    counts ("overdue", "due soon") can be summed from whole days and only the day a boundary
--    falls in is counted row by row. Statement-level triggers with transition tables keep it
--    right in the same transaction as the change (one upsert per touched bucket per statement,
--    so a 200,000-row bulk insert is one aggregate, not 200,000 upserts). An update that does not
--    move a case between buckets (a title, a summary, an officer change within "assigned")
--    touches nothing, so ordinary edits never wait on the counter rows.
--    "dueDay" = 9999-12-31 means "no running clock" (a NULL cannot be part of the key).
--    Function bodies are E'' strings with each semicolon written \073: prisma migrate deploy
--    through the pg driver adapter splits a script at every semicolon, even inside quotes.

CREATE TABLE "CaseCount" (
    "workQueue" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "language" "Language" NOT NULL,
    "assigned" BOOLEAN NOT NULL,
    "dueDay" DATE NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "CaseCount_pkey" PRIMARY KEY ("workQueue","type","status","language","assigned","dueDay")
);

CREATE INDEX "CaseCount_dueDay_idx" ON "CaseCount"("dueDay");

CREATE FUNCTION case_count_day(due TIMESTAMPTZ) RETURNS DATE LANGUAGE sql IMMUTABLE AS E'
  SELECT COALESCE((due AT TIME ZONE ''UTC'')::date, DATE ''9999-12-31'')
';

CREATE FUNCTION case_count_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CaseCount" ("workQueue", "type", "status", "language", "assigned", "dueDay", "n")
  SELECT "workQueue", "type", "status", "language", "assignedToId" IS NOT NULL, case_count_day("nextDueAt"), count(*)
  FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("workQueue", "type", "status", "language", "assigned", "dueDay") DO UPDATE SET "n" = "CaseCount"."n" + EXCLUDED."n"\073
  RETURN NULL\073
END ';

CREATE FUNCTION case_count_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CaseCount" ("workQueue", "type", "status", "language", "assigned", "dueDay", "n")
  SELECT q, t, s, l, a, d, sum(delta) FROM (
    SELECT "workQueue" AS q, "type" AS t, "status" AS s, "language" AS l, "assignedToId" IS NOT NULL AS a, case_count_day("nextDueAt") AS d, -1 AS delta FROM old_rows
    UNION ALL
    SELECT "workQueue", "type", "status", "language", "assignedToId" IS NOT NULL, case_count_day("nextDueAt"), 1 FROM new_rows
  ) moves
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("workQueue", "type", "status", "language", "assigned", "dueDay") DO UPDATE SET "n" = "CaseCount"."n" + EXCLUDED."n"\073
  RETURN NULL\073
END ';

CREATE FUNCTION case_count_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CaseCount" ("workQueue", "type", "status", "language", "assigned", "dueDay", "n")
  SELECT "workQueue", "type", "status", "language", "assignedToId" IS NOT NULL, case_count_day("nextDueAt"), -count(*)
  FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("workQueue", "type", "status", "language", "assigned", "dueDay") DO UPDATE SET "n" = "CaseCount"."n" + EXCLUDED."n"\073
  RETURN NULL\073
END ';

CREATE FUNCTION case_count_truncate() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "CaseCount"\073
  RETURN NULL\073
END ';

CREATE TRIGGER "Case_count_insert" AFTER INSERT ON "Case" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_count_insert();
CREATE TRIGGER "Case_count_update" AFTER UPDATE ON "Case" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_count_update();
CREATE TRIGGER "Case_count_delete" AFTER DELETE ON "Case" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_count_delete();
CREATE TRIGGER "Case_count_truncate" AFTER TRUNCATE ON "Case" FOR EACH STATEMENT EXECUTE FUNCTION case_count_truncate();

-- Whatever is already there.
INSERT INTO "CaseCount" ("workQueue", "type", "status", "language", "assigned", "dueDay", "n")
SELECT "workQueue", "type", "status", "language", "assignedToId" IS NOT NULL, case_count_day("nextDueAt"), count(*)
FROM "Case" GROUP BY 1, 2, 3, 4, 5, 6;

-- 2. Indexes that match the list's orders (a unique tail, so a page never repeats or skips a
--    case between two renders), and the filters that are not in "CaseCount".
--    Due order: nearest clock first, no clock last (ASC is NULLS LAST in PostgreSQL).
CREATE INDEX "Case_nextDueAt_createdAt_reference_idx" ON "Case"("nextDueAt", "createdAt", "reference");
CREATE INDEX "Case_workQueue_nextDueAt_createdAt_reference_idx" ON "Case"("workQueue", "nextDueAt", "createdAt", "reference");
CREATE INDEX "Case_language_nextDueAt_createdAt_reference_idx" ON "Case"("language", "nextDueAt", "createdAt", "reference");
CREATE INDEX "Case_assignedToId_nextDueAt_idx" ON "Case"("assignedToId", "nextDueAt");
-- Newest first.
CREATE INDEX "Case_createdAt_reference_idx" ON "Case"("createdAt" DESC, "reference");
-- The flag filter starts from the few active flags of one kind.
CREATE INDEX "PartyFlag_kind_clearedAt_idx" ON "PartyFlag"("kind", "clearedAt");
