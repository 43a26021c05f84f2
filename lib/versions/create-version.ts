import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { insertEvent } from "@/lib/audit/record-event";
import { authorAsActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { draftChangeNotice } from "@/lib/drafts/notify-draft-change";
import { lockProject } from "@/lib/projects/lock-project";
import { fail, ok, type Result } from "@/lib/result";
import { invalidInput } from "@/lib/validation";
import { storeDraftChanges, type DraftChanges } from "./store-draft-changes";
import { storeTree } from "./store-tree";
import { storeTreeChanges, type TreeChanges } from "./store-tree-changes";
import { createVersionInputSchema, duplicateNameMessage, versionNameKey, type CreateVersionInput } from "./schemas";
import { toVersionSummary, type VersionOrigin, type VersionSummary } from "./version-summary";

export interface CreateVersionRequest extends CreateVersionInput {
  projectId: string;
  origin: VersionOrigin;
  author: string;
  /** The signed-in person; absent or null for the system (sample data, scripts). */
  authorId?: string | null;
}

/** Snapshots the whole draft as a new immutable version; see snapshotDraft for the details. */
export async function createVersion(db: PrismaClient, request: CreateVersionRequest): Promise<Result<VersionSummary>> {
  return db.$transaction((tx) => snapshotDraft(tx, request));
}

/**
 * Runs inside the caller's transaction, so a deployment can make its version and its
 * deployment record atomically.
 *
 * The project row is locked first: concurrent snapshots of one project take turns, so
 * numbers are consecutive and a taken name is one the insert's conflict check sees. The
 * draft is read once, by the statement that stores its new contents as blobs, so the version
 * is one state of the draft even while saves continue. Its trees are built next (see
 * trees.ts), then recordVersion writes the version row, bases the draft on it and writes the
 * `version.created` event in one statement, so every path that makes a version (create,
 * backup, deploy the draft) logs it.
 *
 * The work follows the size of the change: when the draft tracks its changes since a base
 * tree (Project.draftBaseTreeId), only the files written since then are read, and only the
 * trees on their paths and on removed paths are written; the rest of the base's trees are
 * shared. Without a base (a new project, or one migrated before tracking), the whole draft is
 * read. Either way the version's tree hash covers the whole draft, from paths and hashes only.
 */
export async function snapshotDraft(tx: Db, request: CreateVersionRequest): Promise<Result<VersionSummary>> {
  const parsed = createVersionInputSchema.safeParse({ name: request.name, description: request.description });
  if (!parsed.success) return invalidInput(parsed.error, "The version is not valid.");
  const { name, description } = parsed.data;
  const nameKey = versionNameKey(name);

  const locked = await lockProject(tx, request.projectId);
  if (!locked) return fail("not_found", "This project does not exist.");
  const number = locked.versionCounter + 1;

  const base = locked.draftBaseTreeId;
  const draft = await storeDraftChanges(tx, request.projectId, base);
  const trees: TreeChanges =
    base === null
      ? { rootTreeId: await storeTree(tx, draft.written), unstored: [] }
      : await storeTreeChanges(tx, { id: base, listings: draft.baseListings }, draft.written, draft.removed, draft.reservedTreeIds);
  const version = await recordVersion(tx, request, { number, name, nameKey, description, draft, trees });
  if (!version) {
    const existing = await tx.version.findUniqueOrThrow({
      where: { projectId_nameKey: { projectId: request.projectId, nameKey } },
      select: { name: true },
    });
    const message = duplicateNameMessage(existing.name);
    return fail("conflict", message, { name: message });
  }
  return ok(version);
}

interface VersionRow {
  number: number;
  name: string;
  nameKey: string;
  description: string;
  /** What the version took in from the draft: its files, removals, hash, count and size. */
  draft: DraftChanges;
  trees: TreeChanges;
}

/**
 * Writes the version unless its name is taken, and with it, in the same statement (each part
 * a round trip saved, the most of a small version's time on the embedded database):
 * - The new trees storeTreeChanges left to it (`unstored`), under their reserved ids.
 * - The draft forgets the changes the version took in: the files it read are no longer
 *   changed, the removed paths are forgotten. A file saved again since the version read it
 *   (its revision moved on) stays changed for the next version; the revision check runs on the
 *   row as it is when the update gets its lock, so a save committing concurrently is never
 *   lost. Removals need no such check: they are recorded under the project's lock.
 * - The draft is based on the new version and announces it: open workspaces update their
 *   header and version list.
 * - The `version.created` event is logged.
 * A taken name writes none of it and returns null; the blobs and trees already stored stay,
 * shared by content like all others, for the next version.
 */
async function recordVersion(tx: Db, request: CreateVersionRequest, row: VersionRow): Promise<VersionSummary | null> {
  const id = randomUUID();
  const { projectId } = request;
  const { draft } = row;
  const read = draft.written;
  const { rootTreeId, unstored } = row.trees;
  const event = insertEvent(
    {
      projectId,
      actor: authorAsActor(request),
      kind: "version.created",
      summary: { versionId: id, number: row.number, name: row.name, origin: request.origin },
    },
    Prisma.sql`version`,
  );
  const [version] = await tx.$queryRaw<VersionSummary[]>`
    WITH stored AS (
      INSERT INTO trees (id, hash, entries)
      SELECT id, decode(hash, 'hex'), entries
      FROM unnest(${unstored.map((tree) => tree.id)}::bigint[], ${unstored.map((tree) => tree.hash)}::text[], ${unstored.map((tree) => tree.entries)}::text[])
        AS unstored (id, hash, entries)
    ),
    version AS (
      INSERT INTO versions (id, project_id, number, name, name_key, description, origin, author, author_id,
                            file_count, total_size, tree_hash, root_tree_id, created_at)
      VALUES (${id}, ${projectId}, ${row.number}, ${row.name}, ${row.nameKey}, ${row.description}, ${request.origin},
              ${request.author}, ${request.authorId ?? null}, ${draft.fileCount}, ${draft.totalSize}, ${draft.treeHash},
              ${rootTreeId}::bigint, statement_timestamp())
      ON CONFLICT (project_id, name_key) DO NOTHING
      RETURNING id, number, name, description, origin, author, file_count AS "fileCount", created_at AS "createdAt"
    ),
    read AS (
      UPDATE draft_files AS d SET changed_since_base = false
      FROM unnest(${read.map((file) => file.id)}::text[], ${read.map((file) => file.revision)}::int[]) AS t (id, revision), version
      WHERE d.project_id = ${projectId} AND d.id = t.id AND d.revision = t.revision AND d.changed_since_base
    ),
    removed AS (DELETE FROM draft_removed_paths WHERE project_id = ${projectId} AND EXISTS (SELECT FROM version)),
    based AS (
      UPDATE projects SET version_counter = ${row.number}, draft_base_version_id = ${id}, draft_base_tree_id = ${rootTreeId}::bigint
      WHERE id = ${projectId} AND EXISTS (SELECT FROM version)
    ),
    event AS (${event})
    SELECT version.* FROM version, ${draftChangeNotice(projectId)}`;
  return version ? toVersionSummary(version) : null;
}
