import "server-only";
import type { ProjectActor } from "@/lib/auth/actor";
import { findProjectRole } from "@/lib/auth/find-project-role";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { SIGN_IN_MESSAGE } from "@/lib/http/sign-in-gate";
import { excerpt } from "@/lib/text-checks";
import { fail, ok, type Result } from "@/lib/result";
import { getSignedInUser } from "./signed-in-user";

/**
 * Who is acting in `project`, resolved once per action or request: the signed-in person and
 * their role there. No session is `unauthenticated`; a person who is not a member gets
 * `not_found`, worded as for a project that does not exist, so its existence is not revealed.
 */
export async function resolveActor(db: PrismaClient, project: ProjectSummary): Promise<Result<ProjectActor>> {
  const user = await getSignedInUser();
  if (!user) return fail("unauthenticated", SIGN_IN_MESSAGE);
  const role = await findProjectRole(db, user, project.id);
  if (!role) return fail("not_found", `There is no project "${excerpt(project.slug)}".`);
  return ok({ id: user.id, name: user.name, role });
}
