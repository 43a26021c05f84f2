import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The statement remembering paths that left the draft (deleted or renamed away), so the next
 * version leaves them out of its base's trees; `paths` is a query yielding a `path` column.
 * A statement of its own, or a data-modifying WITH clause of the statement removing them, so
 * no path can leave without being recorded. A path removed again gets a new revision: a
 * version that read the earlier removal then keeps this one for the next version.
 */
export function recordRemovedPathsSql(projectId: string, paths: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO draft_removed_paths (project_id, path)
    SELECT ${projectId}, removed.path FROM (${paths}) AS removed
    ON CONFLICT (project_id, path) DO UPDATE SET revision = nextval('draft_file_revision_seq')`;
}
