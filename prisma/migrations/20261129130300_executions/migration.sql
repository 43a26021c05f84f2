-- Executions (issue 16): each run of a workflow in an environment, and the queue that runs them.
-- The row is the queue: a worker claims a due row with FOR UPDATE SKIP LOCKED and holds a lease
-- that a crashed worker lets expire, so the run is retried (or failed) and never lost.

-- CreateTable
CREATE TABLE "executions" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "version_number" INTEGER NOT NULL,
    "version_name" TEXT NOT NULL,
    "workflow" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "started_by_id" TEXT,
    "started_by" TEXT,
    "input" JSONB,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 1,
    "error" JSONB,
    "output" JSONB,
    "logs" JSONB NOT NULL,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "run_after" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_expires_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,

    CONSTRAINT "executions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "executions_trigger_check" CHECK ("trigger" IN ('manual', 'http', 'schedule')),
    CONSTRAINT "executions_status_check" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed', 'timed_out'))
);

-- CreateIndex
CREATE INDEX "executions_environment_id_queued_at_idx" ON "executions"("environment_id", "queued_at");

-- CreateIndex
CREATE INDEX "executions_status_run_after_idx" ON "executions"("status", "run_after");

-- AddForeignKey
ALTER TABLE "executions" ADD CONSTRAINT "executions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "executions" ADD CONSTRAINT "executions_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "executions" ADD CONSTRAINT "executions_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "executions" ADD CONSTRAINT "executions_started_by_id_fkey" FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The HTTP trigger's secret token of each environment, as its SHA-256 (the token is shown once).
ALTER TABLE "environments" ADD COLUMN "hook_token_hash" CHAR(64);

-- One row per schedule tick that fired: every app instance's scheduler tries to insert it, and
-- only the one that does queues the run, so a tick runs once however many instances there are.
CREATE TABLE "schedule_ticks" (
    "environment_id" TEXT NOT NULL,
    "workflow" TEXT NOT NULL,
    "tick_at" TIMESTAMPTZ(3) NOT NULL,
    "execution_id" TEXT,

    CONSTRAINT "schedule_ticks_pkey" PRIMARY KEY ("environment_id","workflow","tick_at")
);

-- AddForeignKey
ALTER TABLE "schedule_ticks" ADD CONSTRAINT "schedule_ticks_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
