import type { ProjectActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { fail, ok, type Result } from "@/lib/result";

export const KNOWN_PROJECT: ProjectSummary = { id: "00000000-0000-4000-8000-000000000001", slug: "known", name: "Known", namingConvention: "semantic", requireTwoFactor: false };

/** The database the entry points hand on to what they run; resolving the project and actor is faked by `fakeProjectActor`. */
export const fakeDb = {} as PrismaClient;

/** resolveProjectActor as the entries see it: the known project with `resolved` acting there, any other slug not found. */
export function fakeProjectActor(slug: string, resolved: Result<ProjectActor>): Result<{ project: ProjectSummary; actor: ProjectActor }> {
  if (slug !== KNOWN_PROJECT.slug) return fail("not_found", `There is no project "${slug}".`);
  return resolved.ok ? ok({ project: KNOWN_PROJECT, actor: resolved.value }) : resolved;
}
