-- A version takes in only what changed in the draft since its base version: the draft marks
-- each file written since then (changed_since_base) and remembers each path deleted or renamed
-- away (draft_removed_paths); the new version is the base's trees with those changes applied
-- (lib/versions/create-version.ts). draft_base_tree_id is the tree the marks are relative to;
-- while it is null the next version reads the whole draft, as every existing project does
-- once after this migration.

-- AlterTable
ALTER TABLE "draft_files" ADD COLUMN "changed_since_base" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex: a version finds the changed files without reading the others.
CREATE INDEX "draft_files_project_id_changed_since_base_idx" ON "draft_files"("project_id", "changed_since_base");

-- AlterTable
ALTER TABLE "projects" ADD COLUMN "draft_base_tree_id" BIGINT;

-- CreateTable
CREATE TABLE "draft_removed_paths" (
    "project_id" TEXT NOT NULL,
    "path" TEXT NOT NULL,

    CONSTRAINT "draft_removed_paths_pkey" PRIMARY KEY ("project_id","path")
);

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_draft_base_tree_id_fkey" FOREIGN KEY ("draft_base_tree_id") REFERENCES "trees"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_removed_paths" ADD CONSTRAINT "draft_removed_paths_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
