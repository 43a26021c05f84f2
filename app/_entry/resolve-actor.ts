import "server-only";
import type { ProjectActor } from "@/lib/auth/actor";
import { projectActorFor } from "@/lib/auth/project-actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { SIGN_IN_MESSAGE } from "@/lib/http/sign-in-gate";
import { fail, type Result } from "@/lib/result";
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
