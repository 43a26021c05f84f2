import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";

/** The PostgreSQL channel a draft write announces itself on; the payload is the project's id. */
export const DRAFT_CHANGES_CHANNEL = "draft_changes";

/**
 * Announces a write to a project's draft (its files or its base version) in the writing
 * transaction, so listeners hear of it only once it commits and never of one rolled back.
 * Every app instance listens (lib/db/listen.ts) and wakes the workspaces waiting on that
 * project; a notification that is lost only delays them, since they read changes by revision.
 */
export async function notifyDraftChange(db: Db, projectId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${DRAFT_CHANGES_CHANNEL}, ${projectId})`;
}

/** The same announcement as a row source, for a write that is a single statement: `FROM written, <this>`. */
export function draftChangeNotice(projectId: string): Prisma.Sql {
  return Prisma.sql`pg_notify(${DRAFT_CHANGES_CHANNEL}, ${projectId})`;
}
