-- Sign-in (issue 12): the owner, and ids the database makes for Better Auth's rows.

-- The owner, created on first start, is an admin of every project (app/_entry/resolve-actor.ts).
-- A column rather than a membership per project: projects made later need no backfill, and the
-- owner can never be removed from a project or demoted there by a project admin.
ALTER TABLE "users" ADD COLUMN "is_owner" BOOLEAN NOT NULL DEFAULT false;

-- At most one owner, whatever races: two first visits creating the owner at once make one.
CREATE UNIQUE INDEX "users_single_owner" ON "users"("is_owner") WHERE "is_owner";

-- Better Auth with generateId "uuid" leaves the id to PostgreSQL (gen_random_uuid, built in since 13).
ALTER TABLE "users" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
ALTER TABLE "sessions" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
ALTER TABLE "accounts" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
ALTER TABLE "verifications" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
ALTER TABLE "two_factors" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
ALTER TABLE "rate_limits" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;
