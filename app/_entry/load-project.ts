import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import type { ProjectActor } from "@/lib/auth/actor";
import { getProjectBySlug, type ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { resolveActor } from "./resolve-actor";

/**
 * The project a page's `[slug]` names, or null: looked up once per request, however many of
 * the page's parts (metadata, the page itself) ask.
 */
export const loadProject = cache(async (slug: string): Promise<ProjectSummary | null> => {
  const project = await getProjectBySlug(await getDb(), slug);
  return project.ok ? project.value : null;
});

/**
 * The signed-in member acting on a page of `project`, or null when they may not see it (not
 * signed in, or not a member): once per request.
 */
export const loadProjectActor = cache(async (project: ProjectSummary): Promise<ProjectActor | null> => {
  const actor = await resolveActor(await getDb(), project);
  return actor.ok ? actor.value : null;
});
