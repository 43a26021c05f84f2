import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import type { ProjectActor } from "@/lib/auth/actor";
import { signInPath } from "@/lib/http/sign-in-gate";
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
 * The signed-in member acting on a page of `project`, or null when they are not a member (the
 * page answers "not found"): once per request. Nobody signed in (a session that ended since the
 * proxy saw its cookie) is sent to sign in, and back to the project afterwards.
 */
export const loadProjectActor = cache(async (project: ProjectSummary): Promise<ProjectActor | null> => {
  const actor = await resolveActor(await getDb(), project);
  if (!actor.ok && actor.error.code === "unauthenticated") redirect(signInPath(`/projects/${encodeURIComponent(project.slug)}`));
  return actor.ok ? actor.value : null;
});
