-- Settings revisions: every change to an environment's settings records the whole set as a new,
-- immutable, numbered revision (secrets stay ciphertext, bound to environment and key as in
-- environment_settings). environment_settings stays the current state that everything reads;
-- environments.settings_revision is the number of the revision it holds (0: none yet).
-- Deployments record the revision they ran with; a request may carry a revision to restore.
-- A revision's author is kept as the activity log keeps its actor: the id and the name as
-- they were, with no foreign key, so a revision outlives its author's account.

-- AlterTable
ALTER TABLE "environments" ADD COLUMN "settings_revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "settings_revisions" (
    "id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "author_id" TEXT,
    "author_name" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "restored_from" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings_revision_entries" (
    "revision_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "is_secret" BOOLEAN NOT NULL DEFAULT false,
    "value" TEXT,
    "encrypted_value" TEXT,
    "value_hash" CHAR(64) NOT NULL,

    CONSTRAINT "settings_revision_entries_pkey" PRIMARY KEY ("revision_id","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "settings_revisions_environment_id_number_key" ON "settings_revisions"("environment_id", "number");

-- AlterTable
ALTER TABLE "deployments" ADD COLUMN "settings_revision_id" TEXT;

-- AlterTable
ALTER TABLE "deployment_requests" ADD COLUMN "restore_settings_revision_id" TEXT;

-- AddForeignKey
ALTER TABLE "settings_revisions" ADD CONSTRAINT "settings_revisions_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "settings_revision_entries" ADD CONSTRAINT "settings_revision_entries_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "settings_revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_settings_revision_id_fkey" FOREIGN KEY ("settings_revision_id") REFERENCES "settings_revisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "deployment_requests" ADD CONSTRAINT "deployment_requests_restore_settings_revision_id_fkey" FOREIGN KEY ("restore_settings_revision_id") REFERENCES "settings_revisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Revisions never change. They go only with their environment (a cascade from a deleted
-- environment or project, when the parent row is already gone).
CREATE FUNCTION "settings_revisions_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM "environments" WHERE "id" = OLD."environment_id") THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'settings_revisions is immutable: a revision is never changed or deleted';
END;
$$;
CREATE FUNCTION "settings_revision_entries_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM "settings_revisions" WHERE "id" = OLD."revision_id") THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'settings_revision_entries is immutable: a revision is never changed or deleted';
END;
$$;
CREATE TRIGGER "settings_revisions_no_update_or_delete" BEFORE UPDATE OR DELETE ON "settings_revisions"
    FOR EACH ROW EXECUTE FUNCTION "settings_revisions_immutable"();
CREATE TRIGGER "settings_revision_entries_no_update_or_delete" BEFORE UPDATE OR DELETE ON "settings_revision_entries"
    FOR EACH ROW EXECUTE FUNCTION "settings_revision_entries_immutable"();

-- Existing settings become revision 1 of each environment.
INSERT INTO "settings_revisions" ("id", "environment_id", "number", "author_name", "note")
    SELECT gen_random_uuid()::text, "id", 1, 'Draftline', 'The settings as they were when revisions began.' FROM "environments";
INSERT INTO "settings_revision_entries" ("revision_id", "key", "is_secret", "value", "encrypted_value", "value_hash")
    SELECT r."id", s."key", s."is_secret", s."value", s."encrypted_value", s."value_hash"
    FROM "environment_settings" s JOIN "settings_revisions" r ON r."environment_id" = s."environment_id";
UPDATE "environments" SET "settings_revision" = 1;
