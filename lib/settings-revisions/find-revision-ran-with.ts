import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface LastRun {
  createdAt: Date;
  settingsFingerprint: Prisma.JsonValue;
  /** The settings revision it ran with; null when recorded before settings revisions. */
  settingsRevision: { id: string; number: number } | null;
}

/**
 * The newest deployment that made `versionId` active in the environment: what a rollback or
 * roll forward to that version goes back to, settings included. Null when it never ran there.
 */
export function findLastRun(db: Db, environmentId: string, versionId: string): Promise<LastRun | null> {
  return db.deployment.findFirst({
    where: { environmentId, versionId },
    orderBy: { sequence: "desc" },
    select: { createdAt: true, settingsFingerprint: true, settingsRevision: { select: { id: true, number: true } } },
  });
}
