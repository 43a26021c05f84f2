import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { excerpt } from "@/lib/text-checks";
import { isSlug } from "./schemas";

export interface ProjectSummary {
  id: string;
  slug: string;
  name: string;
  namingConvention: string;
  /** Release managers and admins need two-factor sign-in to act here. */
  requireTwoFactor: boolean;
}

/** The columns of a ProjectSummary, for every query that answers one. */
export const PROJECT_SUMMARY_SELECT = { id: true, slug: true, name: true, namingConvention: true, requireTwoFactor: true } as const;

export async function getProjectBySlug(db: Db, slug: string): Promise<Result<ProjectSummary>> {
  if (!isSlug(slug)) return fail("not_found", "This project does not exist.");
  const project = await db.project.findUnique({
    where: { slug },
    select: PROJECT_SUMMARY_SELECT,
  });
  return project ? ok(project) : fail("not_found", `There is no project "${excerpt(slug)}".`);
}

export async function listProjects(db: Db): Promise<ProjectSummary[]> {
  return db.project.findMany({
    select: PROJECT_SUMMARY_SELECT,
    orderBy: { name: "asc" },
  });
}
