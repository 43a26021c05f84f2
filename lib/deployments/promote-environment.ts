import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { isId } from "@/lib/ids";
import { fail, type Result } from "@/lib/result";
import { changeActiveVersion, type ActiveVersionChange, type ChangeOptions } from "./change-active-version";

export interface PromoteEnvironmentRequest extends ChangeOptions {
  projectId: string;
  /** Where the tested version runs now, e.g. staging. */
  fromEnvironmentId: string;
  /** Where it should run too, e.g. production. */
  toEnvironmentId: string;
  author: string;
  /** The signed-in person; absent or null for the system (sample data, scripts). */
  authorId?: string | null;
  /**
   * The version the user saw ("Promote staging's 1.2.0 to production"). When given and the
   * source runs another version by now, nothing happens and the result is a conflict.
   */
  expectedVersionId?: string;
  /** See RecordDeploymentRequest.confirmed. */
  confirmed?: boolean;
}

/** Deploys the version active in one environment to another, recorded as kind `promote`. */
export async function promoteEnvironment(
  db: PrismaClient,
  request: PromoteEnvironmentRequest,
): Promise<Result<ActiveVersionChange>> {
  if (request.fromEnvironmentId === request.toEnvironmentId) {
    return fail("invalid", "Choose two different environments to promote between.");
  }
  const unknownSource = fail("not_found", "The environment to promote from does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.fromEnvironmentId)) return unknownSource;
  if (!isId(request.toEnvironmentId)) return fail("not_found", "This environment does not exist in this project.");
  return runInTransaction(db, async (tx) => {
    // The source is read, not locked: locking both rows could deadlock against a promotion
    // the other way round, and expectedVersionId already guards against a stale source.
    const source = await tx.environment.findFirst({
      where: { id: request.fromEnvironmentId, projectId: request.projectId },
      select: { name: true, activeVersionId: true },
    });
    if (!source) return unknownSource;
    if (!source.activeVersionId) return fail("conflict", `${source.name} has no active version to promote.`);
    if (request.expectedVersionId !== undefined && request.expectedVersionId !== source.activeVersionId) {
      return fail("conflict", `${source.name} runs another version by now. Check it and try again.`);
    }
    return changeActiveVersion(tx, {
      ...request,
      environmentId: request.toEnvironmentId,
      versionId: source.activeVersionId,
      change: "promote",
      eventDetail: { fromEnvironment: source.name, fromEnvironmentId: request.fromEnvironmentId },
    });
  });
}
