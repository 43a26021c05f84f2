-- Per-environment settings (connections and credentials), and deployments that are ordered
-- without ties and remember which settings they ran with.

-- CreateSequence
-- Deployments are numbered from one sequence while their environment's row is locked, so in
-- each environment a later deployment always has a higher number, even within one millisecond.
CREATE SEQUENCE "deployment_sequence_seq" AS BIGINT;

-- AlterTable
ALTER TABLE "deployments" ADD COLUMN "sequence" BIGINT,
ADD COLUMN "settings_fingerprint" JSONB;

UPDATE "deployments" AS d
SET "sequence" = ordered."sequence"
FROM (
    SELECT "id", row_number() OVER (ORDER BY "created_at", "id") AS "sequence" FROM "deployments"
) AS ordered
WHERE d."id" = ordered."id";

SELECT setval('deployment_sequence_seq', coalesce(max("sequence"), 0) + 1, false) FROM "deployments";

ALTER TABLE "deployments" ALTER COLUMN "sequence" SET DEFAULT nextval('deployment_sequence_seq'),
ALTER COLUMN "sequence" SET NOT NULL,
ADD CONSTRAINT "deployments_changes_version_check" CHECK ("previous_version_id" IS NULL OR "previous_version_id" <> "version_id");

ALTER SEQUENCE "deployment_sequence_seq" OWNED BY "deployments"."sequence";

-- DropIndex
DROP INDEX "deployments_environment_id_created_at_idx";

-- CreateIndex
CREATE UNIQUE INDEX "deployments_environment_id_sequence_key" ON "deployments"("environment_id", "sequence");

-- CreateTable
-- A plain value lives in "value"; a secret only as AES-256-GCM ciphertext in "encrypted_value".
-- "value_hash" is a keyed hash (HMAC-SHA-256) of the value, so deployments can record which
-- settings they ran with, and later compare, without storing any value.
CREATE TABLE "environment_settings" (
    "id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "is_secret" BOOLEAN NOT NULL DEFAULT false,
    "value" TEXT,
    "encrypted_value" TEXT,
    "value_hash" CHAR(64) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "environment_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "environment_settings_key_check" CHECK ("key" ~ '^[A-Za-z_][A-Za-z0-9_.-]{0,99}$'),
    CONSTRAINT "environment_settings_value_check" CHECK (
        CASE WHEN "is_secret"
            THEN "value" IS NULL AND "encrypted_value" IS NOT NULL
            ELSE "value" IS NOT NULL AND "encrypted_value" IS NULL
        END
    )
);

-- CreateIndex
CREATE UNIQUE INDEX "environment_settings_environment_id_key_key" ON "environment_settings"("environment_id", "key");

-- AddForeignKey
ALTER TABLE "environment_settings" ADD CONSTRAINT "environment_settings_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
