-- A version's tree hash identifies its exact file set (paths and contents), so "is the draft
-- still what version X holds?" is one comparison instead of a file-by-file read.

-- AlterTable
ALTER TABLE "versions" ADD COLUMN "tree_hash" CHAR(64);

UPDATE "versions" AS v
SET "tree_hash" = (
    SELECT encode(sha256(convert_to(coalesce(string_agg(vf."path" || E'\t' || vf."blob_hash", E'\n' ORDER BY vf."path" COLLATE "C"), ''), 'UTF8')), 'hex')
    FROM "version_files" AS vf
    WHERE vf."version_id" = v."id"
);

ALTER TABLE "versions" ALTER COLUMN "tree_hash" SET NOT NULL;

-- AlterTable
ALTER TABLE "projects" ADD COLUMN "draft_base_version_id" TEXT;

-- CreateIndex
CREATE INDEX "versions_project_id_tree_hash_idx" ON "versions"("project_id", "tree_hash");

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_draft_base_version_id_fkey" FOREIGN KEY ("draft_base_version_id") REFERENCES "versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
