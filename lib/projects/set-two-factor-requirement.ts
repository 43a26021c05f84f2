import type { Actor } from "@/lib/auth/actor";
import { twoFactorEnabled } from "@/lib/auth/two-factor/two-factor-enabled";
import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import { PROJECT_SUMMARY_SELECT, type ProjectSummary } from "./get-project-by-slug";
import { lockProject } from "./lock-project";

export const OWN_TWO_FACTOR_FIRST = "Turn on two-factor sign-in for yourself first (Account settings): requiring it would otherwise leave you able only to read.";

/**
 * Requires (or stops requiring) two-factor sign-in of the project's release managers and admins;
 * until they turn it on they may only read. The admin who requires it must use it themselves.
 * Recorded as `project.two_factor_changed` with before and after, in the same transaction.
 */
export async function setTwoFactorRequirement(
  db: PrismaClient,
  input: { projectId: string; required: boolean; actor: Actor },
): Promise<Result<ProjectSummary>> {
  if (input.required && (input.actor.id === null || !(await twoFactorEnabled(db, input.actor.id)))) return fail("conflict", OWN_TWO_FACTOR_FIRST);
  return runInTransaction(db, async (tx) => {
    if (!(await lockProject(tx, input.projectId))) return fail("not_found", "This project does not exist.");
    const before = await tx.project.findUniqueOrThrow({ where: { id: input.projectId }, select: PROJECT_SUMMARY_SELECT });
    if (before.requireTwoFactor === input.required) return ok(before);
    const project = await tx.project.update({ where: { id: input.projectId }, data: { requireTwoFactor: input.required }, select: PROJECT_SUMMARY_SELECT });
    await recordEvent(tx, {
      projectId: input.projectId,
      actor: input.actor,
      kind: "project.two_factor_changed",
      summary: { before: { requireTwoFactor: before.requireTwoFactor }, after: { requireTwoFactor: input.required } },
    });
    return ok(project);
  });
}
