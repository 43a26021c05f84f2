import "server-only";
import type { ProjectActor } from "@/lib/auth/actor";
import { findProjectAccess } from "@/lib/auth/find-project-access";
import { actorWithAccess, projectActorFor } from "@/lib/auth/project-actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { isSlug } from "@/lib/projects/schemas";
import { SIGN_IN_MESSAGE } from "@/lib/http/sign-in-gate";
import { fail, ok, type Result } from "@/lib/result";
import { excerpt } from "@/lib/text-checks";
import { getSignedInUser } from "./signed-in-user";

/**
 * Who is acting in `project`, resolved once per action or request: the signed-in person and
 * their role there. No session is `unauthenticated`; a person who is not a member gets
 * `not_found`, worded as for a project that does not exist, so its existence is not revealed.
 */
export async function resolveActor(db: PrismaClient, project: ProjectSummary): Promise<Result<ProjectActor>> {
  const user = await getSignedInUser();
  if (!user) return fail("unauthenticated", SIGN_IN_MESSAGE);
  return projectActorFor(db, user, project);
}

/**
 * The project `slug` names and who is acting in it, for the entries of server actions and
 * routes: the session first (none is `unauthenticated`, whatever the slug), then the project
 * with the person's membership in one query. An unknown project and one the person is not a
 * member of are the same `not_found`.
 */
export async function resolveProjectActor(db: PrismaClient, slug: string): Promise<Result<{ project: ProjectSummary; actor: ProjectActor }>> {
  if (!isSlug(slug)) return fail("not_found", "This project does not exist.");
  const user = await getSignedInUser();
  if (!user) return fail("unauthenticated", SIGN_IN_MESSAGE);
  const access = await findProjectAccess(db, slug, user);
  if (!access) return fail("not_found", `There is no project "${excerpt(slug)}".`);
  const actor = actorWithAccess(user, access);
  return actor.ok ? ok({ project: access.project, actor: actor.value }) : actor;
}
