-- An admin may require two-factor sign-in of the project's release managers and admins.
ALTER TABLE "projects" ADD COLUMN "require_two_factor" BOOLEAN NOT NULL DEFAULT false;
