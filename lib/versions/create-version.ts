import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/audit/record-event";
import { authorAsActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { notifyDraftChange } from "@/lib/drafts/notify-draft-change";
import { lockProject } from "@/lib/projects/lock-project";
import { fail, ok, type Result } from "@/lib/result";
import { invalidInput } from "@/lib/validation";
import { forgetVersionedChanges } from "@/lib/drafts/forget-versioned-changes";
import { storeDraftChanges } from "./store-draft-changes";
import { storeTree } from "./store-tree";
import { storeTreeChanges } from "./store-tree-changes";
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

  const existing = await tx.version.findUnique({
    where: { projectId_nameKey: { projectId: request.projectId, nameKey } },
    select: { name: true },
  });
  if (existing) {
    const message = duplicateNameMessage(existing.name);
    return fail("conflict", message, { name: message });
  }
  const number = locked.versionCounter + 1;

  const base = locked.draftBaseTreeId;
  const draft = await storeDraftChanges(tx, request.projectId, base === null ? "all" : "changed");
  const rootTreeId =
    base === null
      ? await storeTree(tx, draft.written)
      : await storeTreeChanges(tx, base, draft.written, draft.removed);
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
      fileCount: draft.fileCount,
      totalSize: draft.totalSize,
      treeHash: draft.treeHash,
      rootTreeId: BigInt(rootTreeId),
    },
  });

  await forgetVersionedChanges(tx, request.projectId, draft);
  await tx.project.update({
    where: { id: request.projectId },
    data: { versionCounter: number, draftBaseVersionId: id, draftBaseTreeId: BigInt(rootTreeId) },
  });
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
