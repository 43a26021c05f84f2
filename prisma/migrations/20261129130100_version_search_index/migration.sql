-- Version History search: versions whose name or description contains the search, ignoring case
-- (ILIKE '%…%'). A B-tree cannot find a match in the middle of a string, so without these indexes
-- every search reads all of a project's versions. pg_trgm's GIN indexes answer ILIKE for searches
-- with three letters or digits in a row (lib/versions/list-versions.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex. fastupdate off: GIN otherwise queues new entries in a pending list that every
-- search reads through until a VACUUM merges it, and the embedded database has no autovacuum.
-- Versions are written seldom, so indexing each at once costs little.
CREATE INDEX "versions_name_idx" ON "versions" USING GIN ("name" gin_trgm_ops) WITH (fastupdate = off);

-- CreateIndex
CREATE INDEX "versions_description_idx" ON "versions" USING GIN ("description" gin_trgm_ops) WITH (fastupdate = off);
