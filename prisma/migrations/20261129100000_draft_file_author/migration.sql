-- Who wrote each draft file last, so a tab whose save is refused can say who changed the file
-- and when. Rows written before this migration have no known author.

-- AlterTable
ALTER TABLE "draft_files" ADD COLUMN "updated_by" TEXT;

-- CreateIndex: open workspaces ask every few seconds which files changed after a revision;
-- this answers it (and the draft's file count and revision sum) from the index alone.
CREATE INDEX "draft_files_project_id_revision_idx" ON "draft_files"("project_id", "revision");
