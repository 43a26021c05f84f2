import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestKind } from "./request-status";

export interface LockedRequest {
  id: string;
  environmentId: string;
  versionId: string;
  treeHash: string;
  kind: RequestKind;
  baseVersionId: string | null;
  settingsFingerprint: Prisma.JsonValue;
  status: string;
  requestedById: string | null;
  requestedByName: string;
  expiresAt: Date;
}

/**
 * Locks a request's row until the transaction ends, so decisions on it take turns: two last
 * approvals arriving together deploy once. Lock order: the environment first (lockEnvironment),
 * then the request.
 */
export async function lockRequest(tx: Db, projectId: string, requestId: string): Promise<LockedRequest | null> {
  const rows = await tx.$queryRaw<LockedRequest[]>`
    SELECT id, environment_id AS "environmentId", version_id AS "versionId", tree_hash AS "treeHash", kind,
           base_version_id AS "baseVersionId", settings_fingerprint AS "settingsFingerprint", status,
           requested_by_id AS "requestedById", requested_by_name AS "requestedByName", expires_at AS "expiresAt"
    FROM deployment_requests WHERE id = ${requestId} AND project_id = ${projectId}
    FOR UPDATE`;
  return rows[0] ?? null;
}
