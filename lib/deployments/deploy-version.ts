import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { isId } from "@/lib/ids";
import { fail, type Result } from "@/lib/result";
import { changeActiveVersion, type ActiveVersionChange, type ChangeOptions } from "./change-active-version";

export interface DeployVersionRequest extends ChangeOptions {
  projectId: string;
  environmentId: string;
  versionId: string;
  author: string;
  /** The signed-in person; absent or null for the system (sample data, scripts). */
  authorId?: string | null;
  /** `promote` when the version comes from another environment; see promoteEnvironment. */
  kind?: "deploy" | "promote";
  /** See RecordDeploymentRequest.confirmed. */
  confirmed?: boolean;
}

/** Makes an existing version active in an environment (or requests it, when protected); no version is created. */
export async function deployVersion(db: PrismaClient, request: DeployVersionRequest): Promise<Result<ActiveVersionChange>> {
  const kind = request.kind ?? "deploy";
  if (kind !== "deploy" && kind !== "promote") return fail("invalid", "A deployment is either a deploy or a promotion.");
  if (!isId(request.projectId) || !isId(request.environmentId)) {
    return fail("not_found", "This environment does not exist in this project.");
  }
  return runInTransaction(db, (tx) => changeActiveVersion(tx, { ...request, change: kind }));
}
