import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { treeHashAggregate } from "./tree-hash";
import type { TreeFile } from "./trees";

/** A draft file a version takes in, with the blob holding its content. */
export interface WrittenFile extends TreeFile {
  id: string;
  revision: number;
}

export interface DraftChanges {
  /** Every draft file (`scope` "all"), or those written since the draft's base tree ("changed"). */
  written: WrittenFile[];
  /** Paths deleted or renamed away since the base tree. */
  removed: string[];
  /** The whole draft's tree hash, file count and size. */
  treeHash: string;
  fileCount: number;
  totalSize: bigint;
}

interface Row {
  written: Array<Omit<WrittenFile, "blobId"> & { blobId: string | null; contentHash: string }>;
  removed: string[];
  treeHash: string;
  fileCount: number;
  totalSize: bigint;
}

/**
 * Reads the draft for a version in one statement, so all of it is one state of the draft
 * even while saves continue (the caller holds the project's lock, which keeps out every other
 * change): the files in `scope` with the id of the blob holding each one's content (storing
 * the contents no blob holds yet), the removed paths, and the tree hash, count and size of the
 * whole draft (read from paths, hashes and sizes only: the one part that grows with the project).
 */
export async function storeDraftChanges(tx: Db, projectId: string, scope: "all" | "changed"): Promise<DraftChanges> {
  const inScope = scope === "all" ? Prisma.empty : Prisma.sql`AND d.changed_since_base`;
  const [row] = await tx.$queryRaw<Row[]>`
    WITH new_blobs AS (
      INSERT INTO blobs (hash, content, size)
      SELECT DISTINCT ON (d.content_hash) d.content_hash, d.content, d.size FROM draft_files AS d
      WHERE d.project_id = ${projectId} ${inScope} AND NOT EXISTS (SELECT 1 FROM blobs AS b WHERE b.hash = d.content_hash)
      ON CONFLICT (hash) DO NOTHING
      RETURNING id, hash
    ),
    written AS (
      SELECT d.id, d.path, d.content_hash, d.revision, coalesce(n.id, b.id)::text AS blob_id
      FROM draft_files AS d
      LEFT JOIN new_blobs AS n ON n.hash = d.content_hash
      LEFT JOIN blobs AS b ON b.hash = d.content_hash
      WHERE d.project_id = ${projectId} ${inScope}
    ),
    totals AS (
      SELECT ${treeHashAggregate("path", "content_hash")} AS tree_hash, count(*)::int AS file_count,
             coalesce(sum(size), 0)::bigint AS total_size
      FROM draft_files WHERE project_id = ${projectId}
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', id, 'path', path, 'contentHash', content_hash, 'revision', revision, 'blobId', blob_id)), '[]')
       FROM written) AS written,
      (SELECT coalesce(json_agg(path), '[]') FROM draft_removed_paths WHERE project_id = ${projectId}) AS removed,
      tree_hash AS "treeHash", file_count AS "fileCount", total_size AS "totalSize"
    FROM totals`;
  if (!row) throw new Error("The draft could not be read.");

  // A blob that a concurrent transaction committed while the insert waited for it is not in
  // this statement's snapshot; a second look finds it.
  const unseen = [...new Set(row.written.filter((file) => file.blobId === null).map((file) => file.contentHash))];
  if (unseen.length > 0) {
    const blobs = await tx.$queryRaw<Array<{ hash: string; id: string }>>`
      SELECT hash, id::text AS id FROM blobs WHERE hash = ANY(${unseen}::text[])`;
    const ids = new Map(blobs.map((blob) => [blob.hash, blob.id]));
    for (const file of row.written) file.blobId ??= ids.get(file.contentHash) ?? null;
  }
  const written = row.written.map(({ id, path, revision, blobId }) => {
    if (blobId === null) throw new Error(`No blob holds the content of ${path}.`);
    return { id, path, revision, blobId };
  });
  return { written, removed: row.removed, treeHash: row.treeHash, fileCount: row.fileCount, totalSize: row.totalSize };
}
