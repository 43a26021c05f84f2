import type { Db } from "@/lib/db/client";
import { namingConventionSchema } from "@/lib/naming/schemas";
import { fail, ok, type Result } from "@/lib/result";
import type { ProjectSummary } from "./get-project-by-slug";

/** Changes how the project's versions are named; existing names stay as they are. */
export async function setNamingConvention(
  db: Db,
  input: { projectId: string; namingConvention: unknown },
): Promise<Result<ProjectSummary>> {
  const parsed = namingConventionSchema.safeParse(input.namingConvention);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Choose a naming convention.";
    return fail("invalid", message, { namingConvention: message });
  }
  const updated = await db.project.updateMany({ where: { id: input.projectId }, data: { namingConvention: parsed.data } });
  if (updated.count === 0) return fail("not_found", "This project does not exist.");
  const project = await db.project.findUnique({
    where: { id: input.projectId },
    select: { id: true, slug: true, name: true, namingConvention: true },
  });
  return project ? ok(project) : fail("not_found", "This project does not exist.");
}
