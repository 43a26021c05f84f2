import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/audit/record-event";
import { authorAsActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { hasUnversionedWork } from "@/lib/drafts/has-unversioned-work";
import { notifyDraftChange } from "@/lib/drafts/notify-draft-change";
import { lockProject } from "@/lib/projects/lock-project";
import { fail, ok, type Result } from "@/lib/result";
import { snapshotDraft } from "./create-version";
import { MAX_VERSION_NAME_LENGTH, versionNameKey } from "./schemas";
import { findVersion, VERSION_NOT_FOUND } from "./find-version";
import { versionFilesSql } from "./version-files-sql";
import type { VersionSummary } from "./version-summary";

export interface RestoreVersionRequest {
  projectId: string;
  versionId: string;
  /** Save the draft as a `backup` version first when no version captures it. */
  saveBackup: boolean;
  author: string;
  /** The signed-in person; absent or null for the system (sample data, scripts). */
  authorId?: string | null;
}

export interface RestoreOutcome {
  restored: VersionSummary;
  backup: VersionSummary | null;
}

/**
 * Makes the latest draft equal to a version's files, in one transaction. No version is
 * deleted or changed. Every restored file gets a new revision, so an editor still open on
 * the old draft meets a conflict instead of writing over the restored text.
 */
export async function restoreVersion(db: PrismaClient, request: RestoreVersionRequest): Promise<Result<RestoreOutcome>> {
  return db.$transaction(async (tx) => {
    if (!(await lockProject(tx, request.projectId))) return fail("not_found", "This project does not exist.");
    const version = await findVersion(tx, request.projectId, request.versionId);
    if (!version) return fail("not_found", VERSION_NOT_FOUND);

    let backup: VersionSummary | null = null;
    if (request.saveBackup && (await hasUnversionedWork(tx, request.projectId))) {
      const saved = await snapshotDraft(tx, {
        projectId: request.projectId,
        name: await backupName(tx, request.projectId, version.name),
        description: `Draft before restoring ${version.name}`,
        origin: "backup",
        author: request.author,
        authorId: request.authorId ?? null,
      });
      if (!saved.ok) return saved;
      backup = saved.value;
    }

    await tx.$executeRaw`
      DELETE FROM draft_files AS d
      WHERE d.project_id = ${request.projectId}
        AND NOT EXISTS (SELECT 1 FROM (${versionFilesSql(version.id)}) AS f WHERE f.path = d.path)`;
    await tx.$executeRaw`
      INSERT INTO draft_files (id, project_id, path, content, content_hash, size, updated_by, changed_since_base)
      SELECT gen_random_uuid()::text, ${request.projectId}, f.path, b.content, b.hash, b.size, ${request.author}, false
      FROM (${versionFilesSql(version.id)}) AS f JOIN blobs AS b ON b.id = f.blob_id
      ON CONFLICT (project_id, path) DO UPDATE
      SET content = EXCLUDED.content, content_hash = EXCLUDED.content_hash, size = EXCLUDED.size,
          revision = nextval('draft_file_revision_seq'), updated_at = now(), updated_by = EXCLUDED.updated_by,
          changed_since_base = false`;
    // The draft is now exactly the version's files: its base tree, with no changes since.
    await tx.$executeRaw`DELETE FROM draft_removed_paths WHERE project_id = ${request.projectId}`;
    await tx.$executeRaw`
      UPDATE projects SET draft_base_version_id = v.id, draft_base_tree_id = v.root_tree_id
      FROM versions AS v WHERE projects.id = ${request.projectId} AND v.id = ${version.id}`;
    await notifyDraftChange(tx, request.projectId);
    await recordEvent(tx, {
      projectId: request.projectId,
      actor: authorAsActor(request),
      kind: "draft.restored",
      summary: { version: versionRef(version), backup: backup && versionRef(backup) },
    });
    return ok({ restored: version, backup });
  });
}

function versionRef(version: VersionSummary) {
  return { id: version.id, number: version.number, name: version.name };
}

/** "Draft before restoring 1.1.0", then "… (2)", "… (3)" while the name is taken. */
async function backupName(tx: Db, projectId: string, restoring: string): Promise<string> {
  const base = `Draft before restoring ${restoring}`.slice(0, MAX_VERSION_NAME_LENGTH - 6).trim();
  for (let attempt = 1; ; attempt += 1) {
    const name = attempt === 1 ? base : `${base} (${attempt})`;
    const taken = await tx.version.findUnique({
      where: { projectId_nameKey: { projectId, nameKey: versionNameKey(name) } },
      select: { id: true },
    });
    if (!taken) return name;
  }
}
