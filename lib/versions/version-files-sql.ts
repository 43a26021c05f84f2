import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A query listing a version's files as (path, blob_id), walking its trees from the top
 * folder down; usable as a subquery. With `along`, only the folders on that path are
 * opened, so reading one file costs the depth of its folder, not the size of the version.
 * Yields no rows for an unknown version id.
 */
export function versionFilesSql(versionId: string, along?: string): Prisma.Sql {
  const descend = along === undefined ? Prisma.empty : Prisma.sql`AND starts_with(${along}, parent.path)`;
  return Prisma.sql`
    WITH RECURSIVE entries (path, ref) AS (
      SELECT entry.name, entry.ref
      FROM versions AS v
      JOIN trees AS t ON t.id = v.root_tree_id
      CROSS JOIN LATERAL (${treeEntries}) AS entry
      WHERE v.id = ${versionId}
      UNION ALL
      SELECT parent.path || entry.name, entry.ref
      FROM entries AS parent
      JOIN trees AS t ON t.id = parent.ref
      CROSS JOIN LATERAL (${treeEntries}) AS entry
      WHERE right(parent.path, 1) = '/' ${descend}
    )
    SELECT path, ref AS blob_id FROM entries WHERE right(path, 1) <> '/'`;
}

// The entries of tree `t`, parsed from its text (see lib/versions/trees.ts). unnest() rather
// than string_to_table(): the planner guesses 10 entries a tree instead of 1,000, which keeps
// its estimate for a whole version small enough to look blobs up by index.
const treeEntries = Prisma.sql`
  SELECT split_part(line, E'\\t', 1) AS name, split_part(line, E'\\t', 2)::bigint AS ref
  FROM unnest(string_to_array(t.entries, E'\\n')) AS line`;
