import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { namingConventionSchema } from "@/lib/naming/schemas";
import { fail, ok, type Result } from "@/lib/result";
import { PROJECT_SUMMARY_SELECT, type ProjectSummary } from "./get-project-by-slug";
import { lockProject } from "./lock-project";

/**
 * Changes how the project's versions are named; existing names stay as they are. A change is
 * recorded as `project.naming_changed` with the convention before and after, in the same transaction.
 */
export async function setNamingConvention(
  db: PrismaClient,
  input: { projectId: string; namingConvention: unknown; actor: Actor },
): Promise<Result<ProjectSummary>> {
  const parsed = namingConventionSchema.safeParse(input.namingConvention);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Choose a naming convention.";
    return fail("invalid", message, { namingConvention: message });
  }
  const namingConvention = parsed.data;
  return runInTransaction(db, async (tx) => {
    if (!(await lockProject(tx, input.projectId))) return fail("not_found", "This project does not exist.");
    const select = PROJECT_SUMMARY_SELECT;
    const before = await tx.project.findUniqueOrThrow({ where: { id: input.projectId }, select });
    if (before.namingConvention === namingConvention) return ok(before);
    const project = await tx.project.update({ where: { id: input.projectId }, data: { namingConvention }, select });
    await recordEvent(tx, {
      projectId: input.projectId,
      actor: input.actor,
      kind: "project.naming_changed",
      summary: { before: { namingConvention: before.namingConvention }, after: { namingConvention } },
    });
    return ok(project);
  });
}
