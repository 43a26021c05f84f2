-- Until sign-in exists the acting person is the installation's single local user, who has no
-- users row: a deployment request they make records their name with no user id, as versions
-- and deployments already do (author_id is nullable there too).
ALTER TABLE "deployment_requests" ALTER COLUMN "requested_by_id" DROP NOT NULL;
