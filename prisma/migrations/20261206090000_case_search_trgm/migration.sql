-- The staff case list's search (issue 14, speed): part of a case title or of the customer's
-- name, matched with ILIKE '%…%'. A btree cannot help with that, a trigram index (pg_trgm) can.
--
-- pg_trgm is a contrib extension: every PostgreSQL package ships it, but a server built without
-- contrib, or a role that may not create extensions, would fail this migration. So both steps
-- tolerate its absence (the search is then a scan, still right, only slower). PGlite ships
-- pg_trgm too, but only when every PGlite that ever opens the database loads it (a database whose
-- index was built with it cannot insert a case without it): this project does not load it, so on
-- PGlite the first block finds no extension and the second creates nothing (decision 0014).
-- The blocks are E'' strings with each semicolon written \073: prisma migrate deploy through the
-- pg driver adapter splits a script at every semicolon, even inside quotes. The indexes are not
-- in schema.prisma (Prisma cannot declare them without preview features), so a future
-- `prisma migrate dev` against PostgreSQL proposes dropping them: keep them.

DO E'
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm\073
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE ''pg_trgm is not available here: the case search runs without a trigram index''\073
END';

DO E'
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = ''pg_trgm'') THEN
    EXECUTE ''CREATE INDEX IF NOT EXISTS "Case_title_trgm_idx" ON "Case" USING gin ("title" gin_trgm_ops)''\073
    EXECUTE ''CREATE INDEX IF NOT EXISTS "Party_name_trgm_idx" ON "Party" USING gin ("name" gin_trgm_ops)''\073
  END IF\073
END';
