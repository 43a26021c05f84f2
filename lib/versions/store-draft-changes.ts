import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { treeHashAggregate } from "./tree-hash";
import type { TreeFile } from "./trees";

/** A draft file a version takes in, with the blob holding its content. */
export interface WrittenFile extends TreeFile {
  id: string;
  revision: number;
  /** Its blob was stored by this transaction: no tree stored before can refer to it. */
  newBlob: boolean;
}

export interface DraftChanges {
  /** Every draft file (without a base tree), or those written since the base tree. */
  written: WrittenFile[];
  /** Paths deleted or renamed away since the base tree. */
  removed: string[];
  /** The whole draft's tree hash, file count and size. */
  treeHash: string;
  fileCount: number;
  totalSize: bigint;
  /**
   * The base tree's listings (name → ref) of the folders on the paths written or removed,
   * by folder ("" for the top one, else its path with a trailing "/"): what storeTreeChanges
   * rewrites. Empty without a base tree.
   */
  baseListings: Map<string, Map<string, string>>;
  /**
   * Tree ids reserved from the trees' sequence, one per folder on a changed path (none
   * without a base tree): a tree sure to be new takes one, so it can be written with the
   * version instead of in a round trip of its own (see storeTreeChanges).
   */
  reservedTreeIds: string[];
}

interface Row {
  written: Array<Omit<WrittenFile, "blobId"> & { blobId: string | null; contentHash: string }>;
  removed: string[];
  treeHash: string;
  fileCount: number;
  totalSize: bigint;
  listings: Array<{ folder: string; entries: string }>;
  reservedTreeIds: string[];
}

/**
 * Reads the draft for a version in one statement, so all of it is one state of the draft
 * even while saves continue (the caller holds the project's lock, which keeps out every other
 * change): the files written since the base tree `base` (all of them without one) with the
 * id of the blob holding each one's content (storing the contents no blob holds yet), the
 * removed paths, the tree hash, count and size of the whole draft (read from paths, hashes and
 * sizes only: the one part that grows with the project), the base's listings of the
 * folders those changes touch, opening only the trees on the way to them, and an id reserved
 * for each of those folders' new trees.
 */
export async function storeDraftChanges(tx: Db, projectId: string, base: string | null): Promise<DraftChanges> {
  const inScope = base === null ? Prisma.empty : Prisma.sql`AND d.changed_since_base`;
  const [row] = await tx.$queryRaw<Row[]>`
    WITH RECURSIVE new_blobs AS (
      INSERT INTO blobs (hash, content, size)
      SELECT DISTINCT ON (d.content_hash) d.content_hash, d.content, d.size FROM draft_files AS d
      WHERE d.project_id = ${projectId} ${inScope} AND NOT EXISTS (SELECT 1 FROM blobs AS b WHERE b.hash = d.content_hash)
      ON CONFLICT (hash) DO NOTHING
      RETURNING id, hash
    ),
    written AS (
      SELECT d.id, d.path, d.content_hash, d.revision, coalesce(n.id, b.id)::text AS blob_id, n.id IS NOT NULL AS new_blob
      FROM draft_files AS d
      LEFT JOIN new_blobs AS n ON n.hash = d.content_hash
      LEFT JOIN blobs AS b ON b.hash = d.content_hash
      WHERE d.project_id = ${projectId} ${inScope}
    ),
    removed AS (SELECT path FROM draft_removed_paths WHERE project_id = ${projectId}),
    totals AS (
      SELECT ${treeHashAggregate("path", "content_hash")} AS tree_hash, count(*)::int AS file_count,
             coalesce(sum(size), 0)::bigint AS total_size
      FROM draft_files WHERE project_id = ${projectId}
    ),
    -- Every folder on a changed path: "" and, for "a/b/c.ts", "a/" and "a/b/".
    touched AS (
      SELECT DISTINCT array_to_string(parts[1:depth], '/') || CASE WHEN depth > 0 THEN '/' ELSE '' END AS folder
      FROM (SELECT string_to_array(path, '/') AS parts FROM (SELECT path FROM written UNION SELECT path FROM removed) AS changed) AS c,
           generate_series(0, cardinality(parts) - 1) AS depth
    ),
    listed (folder, tree_id) AS (
      SELECT ''::text, ${base}::bigint WHERE ${base}::bigint IS NOT NULL
      UNION ALL
      SELECT f.folder || split_part(line, E'\t', 1), split_part(line, E'\t', 2)::bigint
      FROM listed AS f
      JOIN trees AS t ON t.id = f.tree_id
      CROSS JOIN LATERAL unnest(string_to_array(t.entries, E'\n')) AS line
      WHERE f.folder || split_part(line, E'\t', 1) IN (SELECT folder FROM touched)
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', id, 'path', path, 'contentHash', content_hash, 'revision', revision, 'blobId', blob_id, 'newBlob', new_blob)), '[]')
       FROM written) AS written,
      (SELECT coalesce(json_agg(path), '[]') FROM removed) AS removed,
      tree_hash AS "treeHash", file_count AS "fileCount", total_size AS "totalSize",
      (SELECT coalesce(json_agg(json_build_object('folder', l.folder, 'entries', t.entries)), '[]')
       FROM listed AS l JOIN trees AS t ON t.id = l.tree_id) AS listings,
      (SELECT coalesce(array_agg(nextval('trees_id_seq')::text), '{}') FROM touched WHERE ${base}::bigint IS NOT NULL) AS "reservedTreeIds"
    FROM totals`;
  if (!row) throw new Error("The draft could not be read.");
  if (base !== null && !row.listings.some((listing) => listing.folder === "")) throw new Error(`Tree ${base} does not exist.`);

  // A blob that a concurrent transaction committed while the insert waited for it is not in
  // this statement's snapshot; a second look finds it.
  const unseen = [...new Set(row.written.filter((file) => file.blobId === null).map((file) => file.contentHash))];
  if (unseen.length > 0) {
    const blobs = await tx.$queryRaw<Array<{ hash: string; id: string }>>`
      SELECT hash, id::text AS id FROM blobs WHERE hash = ANY(${unseen}::text[])`;
    const ids = new Map(blobs.map((blob) => [blob.hash, blob.id]));
    for (const file of row.written) file.blobId ??= ids.get(file.contentHash) ?? null;
  }
  const written = row.written.map(({ id, path, revision, blobId, newBlob }) => {
    if (blobId === null) throw new Error(`No blob holds the content of ${path}.`);
    return { id, path, revision, blobId, newBlob };
  });
  return {
    written,
    removed: row.removed,
    treeHash: row.treeHash,
    fileCount: row.fileCount,
    totalSize: row.totalSize,
    baseListings: new Map(row.listings.map(({ folder, entries }) => [folder, parseListing(entries)])),
    reservedTreeIds: row.reservedTreeIds,
  };
}

/** A tree's text (see trees.ts) as name → ref. */
function parseListing(entries: string): Map<string, string> {
  if (entries === "") return new Map();
  return new Map(
    entries.split("\n").map((line) => {
      const tab = line.indexOf("\t");
      return [line.slice(0, tab), line.slice(tab + 1)] as const;
    }),
  );
}
