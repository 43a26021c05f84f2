import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/audit/record-event";
import { authorAsActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { notifyDraftChange } from "@/lib/drafts/notify-draft-change";
import { lockProject } from "@/lib/projects/lock-project";
import { fail, ok, type Result } from "@/lib/result";
import { invalidInput } from "@/lib/validation";
import { storeTree } from "./store-tree";
import { treeHash } from "./tree-hash";
import type { TreeFile } from "./trees";
import { createVersionInputSchema, duplicateNameMessage, versionNameKey, type CreateVersionInput } from "./schemas";
import { toVersionSummary, versionSummarySelect, type VersionOrigin, type VersionSummary } from "./version-summary";

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
 * The project row is locked first: concurrent snapshots of one project take turns, so the
 * name check holds and numbers are consecutive. The draft is read once, by the statement
 * that stores its new contents as blobs, so the version is one state of the draft even while
 * saves continue. Its trees are stored next (see trees.ts), then the version row. The draft
 * is then based on the new version. The `version.created` event is written in the same
 * transaction, so every path that makes a version (create, backup, deploy the draft) logs it.
 */
export async function snapshotDraft(tx: Db, request: CreateVersionRequest): Promise<Result<VersionSummary>> {
  const parsed = createVersionInputSchema.safeParse({ name: request.name, description: request.description });
  if (!parsed.success) return invalidInput(parsed.error, "The version is not valid.");
  const { name, description } = parsed.data;
  const nameKey = versionNameKey(name);

  const locked = await lockProject(tx, request.projectId);
  if (!locked) return fail("not_found", "This project does not exist.");

  const existing = await tx.version.findUnique({
    where: { projectId_nameKey: { projectId: request.projectId, nameKey } },
    select: { name: true },
  });
  if (existing) {
    const message = duplicateNameMessage(existing.name);
    return fail("conflict", message, { name: message });
  }
  const number = locked.versionCounter + 1;

  const files = await storeDraftBlobs(tx, request.projectId);
  const rootTreeId = await storeTree(tx, files);
  const id = randomUUID();
  const version = await tx.version.create({
    select: versionSummarySelect,
    data: {
      id,
      projectId: request.projectId,
      number,
      name,
      nameKey,
      description,
      origin: request.origin,
      author: request.author,
      authorId: request.authorId ?? null,
      fileCount: files.length,
      totalSize: files.reduce((sum, file) => sum + BigInt(file.size), BigInt(0)),
      treeHash: treeHash(files),
      rootTreeId: BigInt(rootTreeId),
    },
  });

  await tx.project.update({ where: { id: request.projectId }, data: { versionCounter: number, draftBaseVersionId: id } });
  // The draft's base moved: open workspaces update their header and version list.
  await notifyDraftChange(tx, request.projectId);
  await recordEvent(tx, {
    projectId: request.projectId,
    actor: authorAsActor(request),
    kind: "version.created",
    summary: { versionId: id, number, name, origin: request.origin },
  });
  return ok(toVersionSummary(version));
}

interface DraftBlob extends TreeFile {
  contentHash: string;
  size: number;
}

type DraftRow = Omit<DraftBlob, "blobId"> & { blobId: string | null };

/**
 * Stores the draft's contents that no blob holds yet, and returns every draft file with the
 * id of the blob holding its content, all from one reading of the draft.
 */
async function storeDraftBlobs(tx: Db, projectId: string): Promise<DraftBlob[]> {
  const files = await tx.$queryRaw<DraftRow[]>`
    WITH new_blobs AS (
      INSERT INTO blobs (hash, content, size)
      SELECT DISTINCT ON (d.content_hash) d.content_hash, d.content, d.size FROM draft_files AS d
      WHERE d.project_id = ${projectId} AND NOT EXISTS (SELECT 1 FROM blobs AS b WHERE b.hash = d.content_hash)
      ON CONFLICT (hash) DO NOTHING
      RETURNING id, hash
    )
    SELECT d.path, d.content_hash AS "contentHash", d.size, coalesce(n.id, b.id)::text AS "blobId"
    FROM draft_files AS d
    LEFT JOIN new_blobs AS n ON n.hash = d.content_hash
    LEFT JOIN blobs AS b ON b.hash = d.content_hash
    WHERE d.project_id = ${projectId}`;
  // A blob that a concurrent transaction committed while the insert waited for it is not in
  // this statement's snapshot; a second look finds it.
  const unseen = [...new Set(files.filter((file) => file.blobId === null).map((file) => file.contentHash))];
  if (unseen.length > 0) {
    const rows = await tx.$queryRaw<Array<{ hash: string; id: string }>>`
      SELECT hash, id::text AS id FROM blobs WHERE hash = ANY(${unseen}::text[])`;
    const ids = new Map(rows.map((row) => [row.hash, row.id]));
    for (const file of files) file.blobId ??= ids.get(file.contentHash) ?? null;
  }
  return files.map(({ blobId, ...file }) => {
    if (blobId === null) throw new Error(`No blob holds the content of ${file.path}.`);
    return { ...file, blobId };
  });
}
