-- Rotating DRAFTLINE_SECRET_KEY (npm run rotate-secret-key, lib/secrets/rotate-secret-key.ts)
-- re-encrypts and re-hashes every settings revision's values under the new key. That is the one
-- change a revision entry may get: its ciphertext and its hash, in a transaction that said so
-- (SET LOCAL draftline.rotating_secret_key = 'on'), with its revision, key, secrecy and plain
-- value unchanged. Anything else stays refused, as before.
CREATE OR REPLACE FUNCTION "settings_revision_entries_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM "settings_revisions" WHERE "id" = OLD."revision_id") THEN
            RETURN OLD;
        END IF;
    ELSIF current_setting('draftline.rotating_secret_key', true) = 'on'
        AND NEW."revision_id" = OLD."revision_id"
        AND NEW."key" = OLD."key"
        AND NEW."is_secret" = OLD."is_secret"
        AND NEW."value" IS NOT DISTINCT FROM OLD."value"
        AND (NEW."encrypted_value" IS NULL) = (OLD."encrypted_value" IS NULL) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'settings_revision_entries is immutable: a revision is never changed or deleted';
END;
$$;
