-- An invite may be created by the system (a script, or the installation's single local user
-- before anyone signs in), which has no user id: the same as a version's or an event's author.
ALTER TABLE "project_invites" ALTER COLUMN "created_by_id" DROP NOT NULL;
