import type { ProjectActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { fail, ok, type Result } from "@/lib/result";
import { excerpt } from "@/lib/text-checks";
import { findProjectAccess, type ProjectAccess } from "./find-project-access";
import { TWO_FACTOR_ROLES } from "./refusal";

/**
 * A known person acting in `project` with their role there. Someone who is not a member gets
 * `not_found`, worded as for a project that does not exist, so its existence is not revealed.
 * Shared by the session entry (resolveActor) and the token entry (withApi).
 */
export async function projectActorFor(
  db: Db,
  user: { id: string; name: string; isOwner: boolean },
  project: ProjectSummary,
): Promise<Result<ProjectActor>> {
  const access = await findProjectAccess(db, project.slug, user);
  return access ? actorWithAccess(user, { ...access, project }) : fail("not_found", `There is no project "${excerpt(project.slug)}".`);
}

/** The member `user` is in the project of `access`, or `not_found` as for a project that does not exist. */
export function actorWithAccess(user: { id: string; name: string }, access: ProjectAccess): Result<ProjectActor> {
  const { project, role } = access;
  if (!role) return fail("not_found", `There is no project "${excerpt(project.slug)}".`);
  if (project.requireTwoFactor && TWO_FACTOR_ROLES.includes(role) && !access.twoFactorEnabled) {
    return ok({ id: user.id, name: user.name, role, twoFactorMissing: true });
  }
  return ok({ id: user.id, name: user.name, role });
}
