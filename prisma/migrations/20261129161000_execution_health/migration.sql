-- A version's runs in an environment, newest finished first: its success rate per environment
-- (Version History, the environment's active version) and whether it is healthy (Roll back to
-- last healthy reads its last N finished runs) are read through this index.
CREATE INDEX "executions_version_id_environment_id_finished_at_idx" ON "executions"("version_id", "environment_id", "finished_at");
