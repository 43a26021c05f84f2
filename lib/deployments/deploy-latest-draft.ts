import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { isId } from "@/lib/ids";
import { lockProject } from "@/lib/projects/lock-project";
import { fail, ok, type Result } from "@/lib/result";
import { snapshotDraft } from "@/lib/versions/create-version";
import { treeHashAggregate } from "@/lib/versions/tree-hash";
import type { VersionSummary } from "@/lib/versions/version-summary";
import type { VersionRef } from "./deployment-entry";
import { changeActiveVersion, type ActiveVersionChange, type ChangeOptions } from "./change-active-version";

export interface DeployLatestDraftRequest extends ChangeOptions {
  projectId: string;
  environmentId: string;
  name: string;
  description?: string;
  author: string;
  /** The signed-in person; absent or null for the system (sample data, scripts). */
  authorId?: string | null;
  /** See RecordDeploymentRequest.confirmed. */
  confirmed?: boolean;
}

/** The new version, and either its deployment or, for a protected environment, the request to deploy it. */
export type DraftDeploymentOutcome = ActiveVersionChange & { version: VersionSummary };

/**
 * Snapshots the draft as a new `deployment` version and makes it active in the environment,
 * in one transaction: both happen or neither (invariant 3). For a protected environment the
 * version is made and a request to deploy it, in the same transaction.
 *
 * When a version already holds exactly the draft's files, nothing new would be captured: the
 * result is a `conflict` naming the newest such version in `fields` (`versionId`,
 * `versionName`, `versionNumber`, and the message under `draft`), so the UI can offer to
 * deploy that version instead.
 */
export async function deployLatestDraft(
  db: PrismaClient,
  request: DeployLatestDraftRequest,
): Promise<Result<DraftDeploymentOutcome>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  return runInTransaction(db, async (tx) => {
    const environment = await tx.environment.findFirst({
      where: { id: request.environmentId, projectId: request.projectId },
      select: { id: true },
    });
    if (!environment) return unknownEnvironment;
    // Locked before the comparison, so no other snapshot can slip in between it and ours.
    if (!(await lockProject(tx, request.projectId))) return fail("not_found", "This project does not exist.");

    const same = await newestVersionMatchingDraft(tx, request.projectId);
    if (same) {
      const message = `The draft has no changes since version ${same.name} (#${same.number}). Deploy ${same.name} instead of creating a copy of it.`;
      return fail("conflict", message, {
        draft: message,
        versionId: same.id,
        versionName: same.name,
        versionNumber: String(same.number),
      });
    }

    const version = await snapshotDraft(tx, {
      projectId: request.projectId,
      name: request.name,
      description: request.description,
      origin: "deployment",
      author: request.author,
      authorId: request.authorId ?? null,
    });
    if (!version.ok) return version;
    const deployed = await changeActiveVersion(tx, {
      ...request,
      versionId: version.value.id,
      change: "deploy",
      authorId: request.authorId ?? null,
    });
    if (!deployed.ok) return deployed;
    return ok({ ...deployed.value, version: version.value });
  });
}

async function newestVersionMatchingDraft(tx: Db, projectId: string): Promise<VersionRef | null> {
  const rows = await tx.$queryRaw<VersionRef[]>`
    WITH draft AS (
      SELECT ${treeHashAggregate("path", "content_hash")} AS tree_hash FROM draft_files WHERE project_id = ${projectId}
    )
    SELECT v.id, v.number, v.name
    FROM versions AS v, draft
    WHERE v.project_id = ${projectId} AND v.tree_hash = draft.tree_hash
    ORDER BY v.number DESC
    LIMIT 1`;
  return rows[0] ?? null;
}
