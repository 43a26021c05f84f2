import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { excerpt } from "@/lib/text-checks";
import { isSlug } from "./schemas";

export interface ProjectSummary {
  id: string;
  slug: string;
  name: string;
  namingConvention: string;
}

export async function getProjectBySlug(db: Db, slug: string): Promise<Result<ProjectSummary>> {
  if (!isSlug(slug)) return fail("not_found", "This project does not exist.");
  const project = await db.project.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, namingConvention: true },
  });
  return project ? ok(project) : fail("not_found", `There is no project "${excerpt(slug)}".`);
}

export async function listProjects(db: Db): Promise<ProjectSummary[]> {
  return db.project.findMany({
    select: { id: true, slug: true, name: true, namingConvention: true },
    orderBy: { name: "asc" },
  });
}
