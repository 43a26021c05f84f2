import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * A PGlite instance with the extensions the migrations create (pg_trgm serves the Version
 * History search). In memory without a folder. Everything that opens PGlite goes through here,
 * or `CREATE EXTENSION` in a migration fails.
 */
export function createPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create(dataDir, { extensions: { pg_trgm } });
}
