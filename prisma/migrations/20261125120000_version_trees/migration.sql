-- Versions store their files as content-addressed trees, as git does: one row per distinct
-- folder listing, shared by every version that holds the same folder. A version that changes
-- one file writes the new blob and the trees on that file's path, not a row per file.
--
-- A tree's entries are lines sorted by name in UTF-8 byte order (COLLATE "C"):
--   "name<TAB>blob id" for a file, "name/<TAB>tree id" for a folder.
-- Paths hold no control characters, so TAB and newline cannot occur in a name. The hash is
-- SHA-256 over the entries' UTF-8 bytes. lib/versions/trees.ts writes the same format.

-- AlterTable: blobs get a compact key for trees to refer to.
ALTER TABLE "blobs" ADD COLUMN "id" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "blobs_id_key" ON "blobs"("id");

-- CreateTable
CREATE TABLE "trees" (
    "id" BIGSERIAL NOT NULL,
    "hash" BYTEA NOT NULL,
    "entries" TEXT NOT NULL,

    CONSTRAINT "trees_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "trees_hash_key" ON "trees"("hash");

-- AlterTable
ALTER TABLE "versions" ADD COLUMN "root_tree_id" BIGINT;

-- Backfill: build every existing version's trees from its file list, deepest folders first.
-- Each row is an entry of the tree of `folder` ('' for the root, else 'a/b/') at `depth`
-- (the number of slashes in the folder).
CREATE TEMPORARY TABLE "tree_backfill" ON COMMIT DROP AS
SELECT vf."version_id",
       coalesce(substring(vf."path" FROM '^(.*/)'), '')       AS "folder",
       substring(vf."path" FROM '[^/]*$')                      AS "name",
       b."id"                                                  AS "ref",
       length(vf."path") - length(replace(vf."path", '/', '')) AS "depth"
FROM "version_files" AS vf
JOIN "blobs" AS b ON b."hash" = vf."blob_hash";

DO $$
DECLARE
    level INTEGER;
BEGIN
    FOR level IN REVERSE coalesce((SELECT max("depth") FROM "tree_backfill"), 0)..1 LOOP
        CREATE TEMPORARY TABLE "tree_level" ON COMMIT DROP AS
        SELECT "version_id", "folder", "entries", sha256(convert_to("entries", 'UTF8')) AS "hash"
        FROM (
            SELECT "version_id", "folder",
                   string_agg("name" || E'\t' || "ref", E'\n' ORDER BY "name" COLLATE "C") AS "entries"
            FROM "tree_backfill"
            WHERE "depth" = level
            GROUP BY "version_id", "folder"
        ) AS "folders";

        INSERT INTO "trees" ("hash", "entries")
        SELECT DISTINCT ON ("hash") "hash", "entries" FROM "tree_level"
        ON CONFLICT ("hash") DO NOTHING;

        -- Each folder becomes the entry "name/" of its parent folder, one level up.
        INSERT INTO "tree_backfill" ("version_id", "folder", "name", "ref", "depth")
        SELECT l."version_id",
               coalesce(substring(l."folder" FROM '^(.*/)[^/]+/$'), ''),
               substring(l."folder" FROM '[^/]+/$'),
               t."id",
               level - 1
        FROM "tree_level" AS l
        JOIN "trees" AS t ON t."hash" = l."hash";

        DROP TABLE "tree_level";
    END LOOP;
END $$;

CREATE TEMPORARY TABLE "tree_roots" ON COMMIT DROP AS
SELECT v."id" AS "version_id", coalesce(r."entries", '') AS "entries"
FROM "versions" AS v
LEFT JOIN (
    SELECT "version_id", string_agg("name" || E'\t' || "ref", E'\n' ORDER BY "name" COLLATE "C") AS "entries"
    FROM "tree_backfill"
    WHERE "depth" = 0
    GROUP BY "version_id"
) AS r ON r."version_id" = v."id";

INSERT INTO "trees" ("hash", "entries")
SELECT DISTINCT ON (sha256(convert_to("entries", 'UTF8'))) sha256(convert_to("entries", 'UTF8')), "entries"
FROM "tree_roots"
ON CONFLICT ("hash") DO NOTHING;

UPDATE "versions" AS v
SET "root_tree_id" = t."id"
FROM "tree_roots" AS r
JOIN "trees" AS t ON t."hash" = sha256(convert_to(r."entries", 'UTF8'))
WHERE r."version_id" = v."id";

ALTER TABLE "versions" ALTER COLUMN "root_tree_id" SET NOT NULL;

-- AddForeignKey
ALTER TABLE "versions" ADD CONSTRAINT "versions_root_tree_id_fkey" FOREIGN KEY ("root_tree_id") REFERENCES "trees"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- DropTable: the per-version file lists now live in the trees.
DROP TABLE "version_files";
