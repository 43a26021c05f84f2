import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getProjectBySlug, type ProjectSummary } from "@/lib/projects/get-project-by-slug";

/**
 * The project a page's `[slug]` names, or null: looked up once per request, however many of
 * the page's parts (metadata, the page itself) ask.
 */
export const loadProject = cache(async (slug: string): Promise<ProjectSummary | null> => {
  const project = await getProjectBySlug(await getDb(), slug);
  return project.ok ? project.value : null;
});
