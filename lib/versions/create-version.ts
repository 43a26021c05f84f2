import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { lockProject } from "@/lib/projects/lock-project";
import { fail, ok, type Result } from "@/lib/result";
import { treeHashAggregate } from "./tree-hash";
import { createVersionInputSchema, versionNameKey, type CreateVersionInput } from "./schemas";
import { toVersionSummary, versionSummarySelect, type VersionOrigin, type VersionSummary } from "./version-summary";

export interface CreateVersionRequest extends CreateVersionInput {
  projectId: string;
  origin: VersionOrigin;
  author: string;
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
 * name check holds and numbers are consecutive. Blobs, the version row and its file list are
 * written by one statement, so they all see the same state of the draft even while saves
 * continue, and only contents not stored before become new blobs. The draft is then based
 * on the new version.
 */
export async function snapshotDraft(tx: Db, request: CreateVersionRequest): Promise<Result<VersionSummary>> {
  const parsed = createVersionInputSchema.safeParse({ name: request.name, description: request.description });
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    return fail("invalid", parsed.error.issues[0]?.message ?? "The version is not valid.", fields);
  }
  const { name, description } = parsed.data;
  const nameKey = versionNameKey(name);

  const locked = await lockProject(tx, request.projectId);
  if (!locked) return fail("not_found", "This project does not exist.");

  const existing = await tx.version.findUnique({
    where: { projectId_nameKey: { projectId: request.projectId, nameKey } },
    select: { name: true },
  });
  if (existing) {
    const message = `A version named ${existing.name} already exists. Choose another name.`;
    return fail("conflict", message, { name: message });
  }
  const number = locked.versionCounter + 1;

  const id = randomUUID();
  await tx.$executeRaw`
    WITH files AS (
      SELECT path, content, content_hash, size FROM draft_files WHERE project_id = ${request.projectId}
    ), new_blobs AS (
      INSERT INTO blobs (hash, content, size)
      SELECT DISTINCT ON (content_hash) content_hash, content, size FROM files
      ON CONFLICT (hash) DO NOTHING
    ), version AS (
      INSERT INTO versions (id, project_id, number, name, name_key, description, origin, author, file_count, total_size, tree_hash)
      SELECT ${id}, ${request.projectId}, ${number}, ${name}, ${nameKey}, ${description}, ${request.origin},
             ${request.author}, count(*), coalesce(sum(size), 0), ${treeHashAggregate("path", "content_hash")}
      FROM files
    )
    INSERT INTO version_files (version_id, path, blob_hash)
    SELECT ${id}, path, content_hash FROM files`;

  await tx.project.update({ where: { id: request.projectId }, data: { versionCounter: number, draftBaseVersionId: id } });

  const version = await tx.version.findUniqueOrThrow({ where: { id }, select: versionSummarySelect });
  return ok(toVersionSummary(version));
}
